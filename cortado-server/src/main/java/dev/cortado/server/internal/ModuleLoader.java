package dev.cortado.server.internal;

import dev.cortado.component.CompiledComponent;
import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Module;
import dev.cortado.server.Component;
import dev.cortado.server.ServeException;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.WasmException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.IoReasons;
import dev.cortado.wasm.text.TextParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads a component's Wasm file once, when serving starts: checks its digest and compiles it: a
 * core module for WAGI (importing nothing but WASI preview1), or a component for Spin's executor.
 */
final class ModuleLoader {
  private static final String PREVIEW1 = "wasi_snapshot_preview1";

  private ModuleLoader() {}

  /**
   * Returns the compiled module of {@code component}.
   *
   * @throws ServeException if the file cannot be read, is a component, is not a valid module, its
   *     digest differs, or it imports something WAGI does not provide
   */
  static Module load(Engine engine, Component component) {
    Path file = component.source().file();
    String what = describe(component);
    byte[] bytes = read(component, what);
    if (dev.cortado.component.Component.isComponent(Bytes.of(bytes))) {
      throw new ServeException(
          what
              + ": this is a WebAssembly component, which the wagi executor cannot run: serve it"
              + " with Spin's executor (the default: remove executor = { type = \"wagi\" })");
    }
    Module module;
    try {
      module =
          isText(file, bytes)
              ? Module.compile(
                  engine,
                  TextParser.parseModule(
                      new String(bytes, StandardCharsets.UTF_8), engine.config().wasmVersion()))
              : Module.compile(engine, Bytes.of(bytes));
    } catch (WasmException e) {
      throw new ServeException(what + ": " + e.getMessage(), e);
    }
    for (Import i : module.definition().imports()) {
      if (!i.module().equals(PREVIEW1)) {
        throw new ServeException(
            what
                + ": imports \""
                + i.module()
                + "\" \""
                + i.name()
                + "\"; a WAGI module may import only WASI preview1 ("
                + PREVIEW1
                + ")"
                + (i.module().startsWith("wasi:") || i.module().startsWith("fermyon:")
                    ? ": this one is built for the component model; build it as a component and serve"
                        + " it with Spin's executor (the default)"
                    : ""));
      }
    }
    return module;
  }

  /**
   * Returns the compiled component of {@code component}, for Spin's executor ({@code wasi:http}).
   *
   * @throws ServeException if the file cannot be read, its digest differs, it is a core module, or
   *     it is not a well-formed component
   */
  static CompiledComponent loadComponent(Engine engine, Component component) {
    Path file = component.source().file();
    String what = describe(component);
    byte[] bytes = read(component, what);
    if (!dev.cortado.component.Component.isComponent(Bytes.of(bytes))) {
      throw new ServeException(
          what
              + ": this is a core module; Spin's executor (the default) runs wasi:http components."
              + " Serve a WASI preview1 module through WAGI with executor = { type = \"wagi\" }");
    }
    dev.cortado.component.Component decoded;
    try {
      decoded = dev.cortado.component.Component.decode(Bytes.of(bytes));
    } catch (WasmException e) {
      throw new ServeException(what + ": " + e.getMessage(), e);
    }
    List<String> exports =
        dev.cortado.component.World.of(decoded).exports().stream()
            .map(dev.cortado.component.World.Item::name)
            .toList();
    if (exports.stream().noneMatch(n -> n.startsWith("wasi:http/incoming-handler@0.2."))) {
      throw new ServeException(
          what
              + ": exports no wasi:http/incoming-handler@0.2.x, so it cannot answer requests (it"
              + " exports: "
              + (exports.isEmpty() ? "nothing" : String.join(", ", exports))
              + ")");
    }
    try {
      return CompiledComponent.compile(engine, decoded);
    } catch (WasmException e) {
      throw new ServeException(what + ": " + e.getMessage(), e);
    }
  }

  /** Reads {@code component}'s file and checks its digest. */
  /** Returns how errors name {@code component}: its id and where its Wasm comes from. */
  private static String describe(Component component) {
    return "component \""
        + component.id()
        + "\" ("
        + component
            .source()
            .url()
            .map(Object::toString)
            .orElse(component.source().file().toString())
        + ")";
  }

  private static byte[] read(Component component, String what) {
    ComponentDownload.ensure(component);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(component.source().file());
    } catch (IOException e) {
      throw new ServeException(what + ": cannot read: " + IoReasons.of(e), e);
    }
    if (component.source().sha256().isPresent()) {
      String actual = sha256(bytes);
      if (!actual.equals(component.source().sha256().get())) {
        throw new ServeException(
            what
                + ": its SHA-256 is "
                + actual
                + ", not the manifest's digest sha256:"
                + component.source().sha256().get());
      }
    }
    return bytes;
  }

  /**
   * Checks {@code module} exports {@code entrypoint} as a function without parameters or results.
   */
  static void checkEntrypoint(Module module, Component component, String entrypoint) {
    Optional<FuncType> type = exportedFunctionType(module.definition(), entrypoint);
    if (type.isEmpty()) {
      throw new ServeException(
          "component \""
              + component.id()
              + "\": exports no function \""
              + entrypoint
              + "\" (the WAGI entrypoint)");
    }
    if (!type.get().params().isEmpty() || !type.get().results().isEmpty()) {
      throw new ServeException(
          "component \""
              + component.id()
              + "\": the WAGI entrypoint \""
              + entrypoint
              + "\" must take and return nothing, not "
              + type.get());
    }
  }

  /** Returns the type of the function {@code m} exports as {@code name}, if it exports one. */
  static Optional<FuncType> exportedFunctionType(WasmModule m, String name) {
    for (Export e : m.exports()) {
      if (e.name().equals(name) && e.kind() == ExternKind.FUNC) {
        int typeIndex;
        if (e.index() < m.importedFunctionCount()) {
          typeIndex =
              ((ImportDesc.Func) m.imports(ExternKind.FUNC).get(e.index()).desc()).typeIndex();
        } else {
          typeIndex = m.functions().get(e.index() - m.importedFunctionCount()).typeIndex();
        }
        return m.types().get(typeIndex).composite() instanceof FuncType f
            ? Optional.of(f)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isText(Path file, byte[] bytes) {
    String name = file.getFileName().toString();
    return name.endsWith(".wat") || (bytes.length > 0 && bytes[0] == '(');
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
