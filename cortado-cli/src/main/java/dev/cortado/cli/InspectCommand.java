package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.oci.WasmerPackage;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.ExternKind;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.SectionInfo;
import dev.cortado.wasm.text.TextPrinter;
import dev.cortado.wasm.valid.Validator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cortado inspect FILE}: decodes and validates a module and prints its sections, imports,
 * exports and the sizes of its parts.
 */
@Command(
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    name = "inspect",
    description = {
      "Decode and validate a module, and show its sections, imports and exports.",
      "For a component: its world (imports and exports, with the functions and types of each"
          + " interface) and the core modules inside.",
      "For a Wasmer package: its commands, atoms and volumes.",
      "For a standalone bindle folder: its parcels, groups and WAGI routes. For a Suborbital"
          + " bundle (.zip): its handlers and their steps, runnables and static files."
    })
final class InspectCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description =
          "a module file (.wasm or .wat), a Wasmer package (.webc, wapm .tar.gz), a standalone"
              + " bindle folder or a Suborbital bundle (.zip)")
  Path file;

  @Option(
      names = "--wat",
      description = "Print the module in the text format instead of the summary.")
  boolean wat;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (WasmerPackage.isPackage(file)) {
      return WasmerInspect.print(out, file);
    }
    if (BundleInspect.handles(file)) {
      return BundleInspect.print(out, file);
    }
    Bytes bytes = ModuleFiles.read(file);
    if (Component.isComponent(bytes)) {
      return ComponentSummary.print(out, file, bytes, wat);
    }
    long start = System.nanoTime();
    Activity.now("decoding " + file);
    WasmModule module = ModuleFiles.parse(file, bytes);
    byte[] binary =
        ModuleFiles.looksLikeBinary(bytes) ? bytes.toArray() : ModuleFiles.encode(file, module);
    String validity;
    boolean valid;
    Activity.now("validating " + file);
    try {
      Validator.validate(module);
      validity = "valid";
      valid = true;
    } catch (InvalidException e) {
      validity = "invalid: " + e.detail();
      valid = false;
    }
    long micros = (System.nanoTime() - start) / 1000;
    if (wat) {
      Activity.now("printing " + file + " as text");
      out.print(TextPrinter.print(module));
      out.flush();
      return valid ? 0 : 1;
    }
    Activity.now("summarizing " + file);
    out.printf("%s: %s, %,d bytes%n", file, validity, binary.length);
    out.printf("decoded and validated in %,d µs%n", micros);
    out.println();
    out.println("sections:");
    for (SectionInfo s : ModuleDecoder.sections(binary)) {
      String label = s.id().text() + (s.id().id() == 0 ? " \"" + s.name() + "\"" : "");
      out.printf("  %-24s %,12d bytes  at 0x%x%n", label, s.size(), s.offset());
    }
    out.println();
    out.printf(
        "types %d, functions %d (+%d imported), tables %d (+%d), memories %d (+%d),"
            + " globals %d (+%d)%n",
        module.types().size(),
        module.functions().size(),
        module.importedFunctionCount(),
        module.tables().size(),
        module.importedTableCount(),
        module.memories().size(),
        module.importedMemoryCount(),
        module.globals().size(),
        module.importedGlobalCount());
    out.printf(
        "element segments %d, data segments %d, start %s%n",
        module.elements().size(),
        module.datas().size(),
        module.start().isPresent() ? "function " + module.start().getAsInt() : "none");
    printImports(out, module);
    printExports(out, module);
    out.flush();
    return valid ? 0 : 1;
  }

  private static void printImports(PrintWriter out, WasmModule module) {
    out.println();
    out.println("imports (" + module.imports().size() + "):");
    for (Import i : module.imports()) {
      String desc =
          switch (i.desc()) {
            case ImportDesc.Func f -> typeText(module, f.typeIndex());
            case ImportDesc.Table t -> "table " + t.type();
            case ImportDesc.Memory m -> "memory " + m.type();
            case ImportDesc.Global g -> "global " + g.type();
            case ImportDesc.Tag tg -> "tag " + typeText(module, tg.typeIndex());
          };
      out.printf("  \"%s\" \"%s\": %s%n", i.module(), i.name(), desc);
    }
  }

  private static void printExports(PrintWriter out, WasmModule module) {
    out.println();
    out.println("exports (" + module.exports().size() + "):");
    for (Export e : module.exports()) {
      String detail = "";
      if (e.kind() == ExternKind.FUNC) {
        int f = e.index();
        int typeIndex =
            f < module.importedFunctionCount()
                ? ((ImportDesc.Func) module.imports(ExternKind.FUNC).get(f).desc()).typeIndex()
                : module.functions().get(f - module.importedFunctionCount()).typeIndex();
        detail = " " + typeText(module, typeIndex);
      } else if (e.kind() == ExternKind.MEMORY) {
        // Its limits, and whether it is shared or has one-byte pages (threads, custom page sizes).
        detail = memoryType(module, e.index()).map(t -> " (" + t + ")").orElse("");
      }
      out.printf("  \"%s\": %s %d%s%n", e.name(), e.kind().text(), e.index(), detail);
    }
  }

  /** Returns memory {@code m}'s type (imported memories first), if the module has memory m. */
  private static Optional<MemoryType> memoryType(WasmModule module, int m) {
    int imported = module.importedMemoryCount();
    if (m >= 0 && m < imported) {
      return Optional.of(
          ((ImportDesc.Memory) module.imports(ExternKind.MEMORY).get(m).desc()).type());
    }
    int defined = m - imported;
    return defined >= 0 && defined < module.memories().size()
        ? Optional.of(module.memories().get(defined))
        : Optional.empty();
  }

  private static String typeText(WasmModule module, int typeIndex) {
    if (typeIndex < 0 || typeIndex >= module.types().size()) {
      return "(type " + Integer.toUnsignedString(typeIndex) + ")";
    }
    SubType t = module.types().get(typeIndex);
    return t.composite() instanceof FuncType f ? f.toString() : "(type " + typeIndex + ")";
  }
}
