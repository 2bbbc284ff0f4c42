package dev.cortado.component.internal;

import dev.cortado.component.CanonicalFunction;
import dev.cortado.component.Component;
import dev.cortado.component.Definition;
import dev.cortado.component.Sort;
import dev.cortado.component.SortIndex;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.internal.ByteReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a component's binary: the preamble, then each section into its definitions, nested
 * components recursively (to a bounded depth). Core modules are kept as bytes.
 */
public final class ComponentDecoder {
  /** How deeply components may nest. */
  static final int MAX_NESTING = 100;

  private static final String[] SECTIONS = {
    "custom",
    "core module",
    "core instance",
    "core type",
    "component",
    "instance",
    "alias",
    "type",
    "canon",
    "start",
    "import",
    "export",
    "value"
  };

  private final ByteReader in;
  private final TypeDecoder types;
  private final int depth;

  private ComponentDecoder(ByteReader in, int depth) {
    this.in = in;
    this.types = new TypeDecoder(in);
    this.depth = depth;
  }

  /** Decodes the component {@code binary}. */
  public static Component decode(Bytes binary) {
    byte[] bytes = binary.toArray();
    return new ComponentDecoder(new ByteReader(bytes, 0, bytes.length, 0, ""), 0).component();
  }

  private Component component() {
    preamble();
    List<Definition> defs = new ArrayList<>();
    while (!in.atEnd()) {
      int at = in.position();
      int id = in.u8();
      int size = in.u32();
      if (size < 0 || size > in.limit() - in.position()) {
        throw in.error("unexpected end: a section of " + Integer.toUnsignedString(size) + " bytes");
      }
      int end = in.position() + size;
      int outer = in.limit();
      in.limit(end);
      if (id >= SECTIONS.length) {
        throw in.error("malformed section id " + id, at);
      }
      in.section(SECTIONS[id]);
      section(id, end, defs);
      if (in.position() != end) {
        throw in.error("section size mismatch: the section ends before its declared size");
      }
      in.limit(outer);
      // Between the sections of a nested component, the place is its parent's component section.
      in.section(depth == 0 ? "" : "component");
    }
    return new Component(defs);
  }

  private void preamble() {
    int start = in.position();
    if (in.limit() - start < 8) {
      throw in.error("unexpected end: not a component (no 8-byte preamble)");
    }
    byte[] b = in.buffer();
    if (b[start] != 0 || b[start + 1] != 'a' || b[start + 2] != 's' || b[start + 3] != 'm') {
      throw in.error("magic header not detected: not a WebAssembly binary");
    }
    int version = (b[start + 4] & 0xFF) | (b[start + 5] & 0xFF) << 8;
    int layer = (b[start + 6] & 0xFF) | (b[start + 7] & 0xFF) << 8;
    if (layer != 1) {
      throw in.error("not a component: layer " + layer + " (a core module has layer 0)", start + 6);
    }
    if (version != Component.VERSION) {
      throw in.error(
          "unsupported component version 0x"
              + Integer.toHexString(version)
              + " (Cortado reads version 0x"
              + Integer.toHexString(Component.VERSION)
              + ")",
          start + 4);
    }
    in.skip(8);
  }

  private void section(int id, int end, List<Definition> defs) {
    switch (id) {
      case 0 -> {
        in.name();
        in.skip(end - in.position());
      }
      case 1 -> {
        int from = in.position();
        defs.add(
            new Definition.CoreModule(Bytes.of(in.buffer(), from, end - from), in.absolute(from)));
        in.skip(end - from);
      }
      case 2 -> items(() -> defs.add(coreInstance()));
      case 3 -> items(() -> defs.add(new Definition.CoreTypeDef(types.coreType())));
      case 4 -> {
        if (depth >= MAX_NESTING) {
          throw in.error("components nested more than " + MAX_NESTING + " deep");
        }
        int from = in.position();
        Component c = new ComponentDecoder(nestedReader(from, end), depth + 1).component();
        defs.add(new Definition.NestedComponent(c));
        in.skip(end - from);
      }
      case 5 -> items(() -> defs.add(instance()));
      case 6 -> items(() -> defs.add(new Definition.AliasDef(types.alias())));
      case 7 -> items(() -> defs.add(new Definition.TypeDef(types.definedType())));
      case 8 -> items(() -> defs.add(new Definition.Canon(canon())));
      case 9 -> {
        int function = in.u32();
        int n = in.count();
        List<Integer> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          args.add(in.u32());
        }
        defs.add(new Definition.Start(function, args, in.u32()));
      }
      case 10 ->
          items(
              () -> {
                TypeDecoder.ExternName name = types.externName();
                defs.add(
                    new Definition.Import(name.name(), name.versionSuffix(), types.externDesc()));
              });
      case 11 -> items(() -> defs.add(export()));
      default -> throw in.error("value definitions are not supported");
    }
  }

  private ByteReader nestedReader(int from, int end) {
    return new ByteReader(in.buffer(), from, end, 0, "component");
  }

  private void items(Runnable item) {
    int n = in.count();
    for (int i = 0; i < n; i++) {
      item.run();
    }
  }

  private Definition coreInstance() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> {
        int module = in.u32();
        int n = in.count();
        List<Definition.CoreArgument> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = in.linkName();
          Expect.next(in, 0x12, "core instantiation argument (only instances)");
          args.add(new Definition.CoreArgument(name, in.u32()));
        }
        yield new Definition.CoreInstance(module, args, List.of());
      }
      case 0x01 -> {
        int n = in.count();
        List<Definition.CoreInlineExport> exports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = in.linkName();
          Sort sort = types.coreSort();
          exports.add(new Definition.CoreInlineExport(name, sort, in.u32()));
        }
        yield new Definition.CoreInstance(-1, List.of(), exports);
      }
      default -> throw in.error("malformed core instance", at);
    };
  }

  private Definition instance() {
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> {
        int component = in.u32();
        int n = in.count();
        List<Definition.Argument> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = in.linkName();
          args.add(new Definition.Argument(name, sortIndex()));
        }
        yield new Definition.Instance(component, args, List.of());
      }
      case 0x01 -> {
        int n = in.count();
        List<Definition.Argument> exports = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          String name = types.externName().name();
          exports.add(new Definition.Argument(name, sortIndex()));
        }
        yield new Definition.Instance(-1, List.of(), exports);
      }
      default -> throw in.error("malformed instance", at);
    };
  }

  private SortIndex sortIndex() {
    Sort sort = types.sort();
    return new SortIndex(sort, in.u32());
  }

  private Definition export() {
    TypeDecoder.ExternName name = types.externName();
    SortIndex what = sortIndex();
    int at = in.position();
    return switch (in.u8()) {
      case 0x00 -> new Definition.Export(name.name(), name.versionSuffix(), what, Optional.empty());
      case 0x01 ->
          new Definition.Export(
              name.name(), name.versionSuffix(), what, Optional.of(types.externDesc()));
      default -> throw in.error("malformed optional export type", at);
    };
  }

  private CanonicalFunction canon() {
    int at = in.position();
    int kind = in.u8();
    return switch (kind) {
      case 0x00 -> {
        Expect.next(in, 0x00, "canon lift (a core function)");
        int coreFunc = in.u32();
        List<CanonicalFunction.CanonicalOption> opts = options();
        yield new CanonicalFunction.Lift(coreFunc, opts, in.u32());
      }
      case 0x01 -> {
        Expect.next(in, 0x00, "canon lower (a function)");
        int func = in.u32();
        yield new CanonicalFunction.Lower(func, options());
      }
      case 0x02 -> new CanonicalFunction.ResourceNew(in.u32());
      case 0x03 -> new CanonicalFunction.ResourceDrop(in.u32(), false);
      case 0x07 -> new CanonicalFunction.ResourceDrop(in.u32(), true);
      case 0x04 -> new CanonicalFunction.ResourceRep(in.u32());
      default ->
          throw in.error(
              "unsupported canonical built-in 0x"
                  + Integer.toHexString(kind)
                  + " (threads or async, which Cortado does not run yet)",
              at);
    };
  }

  private List<CanonicalFunction.CanonicalOption> options() {
    int n = in.count();
    List<CanonicalFunction.CanonicalOption> opts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int kind = in.u8();
      opts.add(
          switch (kind) {
            case 0x00 -> CanonicalFunction.Encoding.UTF8;
            case 0x01 -> CanonicalFunction.Encoding.UTF16;
            case 0x02 -> CanonicalFunction.Encoding.LATIN1_UTF16;
            case 0x03 -> new CanonicalFunction.Memory(in.u32());
            case 0x04 -> new CanonicalFunction.Realloc(in.u32());
            case 0x05 -> new CanonicalFunction.PostReturn(in.u32());
            case 0x06 -> new CanonicalFunction.Async();
            case 0x07 -> new CanonicalFunction.Callback(in.u32());
            default ->
                throw in.error("unsupported canonical option 0x" + Integer.toHexString(kind), at);
          });
    }
    return opts;
  }
}
