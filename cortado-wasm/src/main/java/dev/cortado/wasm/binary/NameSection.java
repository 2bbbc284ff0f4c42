package dev.cortado.wasm.binary;

import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.Names;
import dev.cortado.wasm.internal.ByteReader;
import dev.cortado.wasm.internal.ModelAccess;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code name} custom section: module, function and local names.
 *
 * <p>The spec leaves custom sections uninterpreted, so a malformed name section does not make the
 * module malformed: {@link #decode} then returns {@link Names#NONE}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/appendix/custom.html#name-section">Name
 *     section</a>
 */
final class NameSection {
  static final String NAME = "name";

  private static final int MODULE = 0;
  private static final int FUNCTIONS = 1;
  private static final int LOCALS = 2;

  private NameSection() {}

  static Names decode(Bytes contents, long sourceOffset) {
    var access = ModelAccess.bytes();
    int from = access.offset(contents);
    ByteReader in =
        new ByteReader(
            access.array(contents), from, from + contents.length(), sourceOffset - from, NAME);
    try {
      Optional<String> module = Optional.empty();
      Map<Integer, String> functions = Map.of();
      Map<Integer, Map<Integer, String>> locals = Map.of();
      int last = -1;
      while (!in.atEnd()) {
        int id = in.u8();
        int size = in.u32();
        if (size < 0 || size > in.remaining() || id <= last) {
          return Names.NONE;
        }
        last = id;
        int end = in.position() + size;
        int outer = in.limit();
        in.limit(end);
        switch (id) {
          case MODULE -> module = Optional.of(in.name());
          case FUNCTIONS -> functions = nameMap(in);
          case LOCALS -> {
            int n = in.count();
            Map<Integer, Map<Integer, String>> m = new HashMap<>();
            for (int i = 0; i < n; i++) {
              m.put(in.u32(), nameMap(in));
            }
            locals = m;
          }
          default -> in.position(end); // other name kinds are kept only as raw bytes
        }
        if (in.position() != end) {
          return Names.NONE;
        }
        in.limit(outer);
      }
      return new Names(module, functions, locals);
    } catch (MalformedException e) {
      return Names.NONE;
    }
  }

  private static Map<Integer, String> nameMap(ByteReader in) {
    int n = in.count();
    Map<Integer, String> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(in.u32(), in.name());
    }
    return m;
  }

  /** Encodes {@code names} as the contents of a {@code name} section. */
  static Bytes encode(Names names) {
    ByteWriter out = new ByteWriter();
    ByteWriter sub = new ByteWriter();
    if (names.moduleName().isPresent()) {
      sub.name(names.moduleName().get());
      out.u8(MODULE).u32(sub.size()).bytes(sub);
    }
    if (!names.functionNames().isEmpty()) {
      sub.reset();
      nameMap(sub, names.functionNames());
      out.u8(FUNCTIONS).u32(sub.size()).bytes(sub);
    }
    if (!names.localNames().isEmpty()) {
      sub.reset();
      sub.u32(names.localNames().size());
      new TreeMap<>(names.localNames()).forEach((f, m) -> nameMap(sub.u32(f), m));
      out.u8(LOCALS).u32(sub.size()).bytes(sub);
    }
    return out.toBytes();
  }

  private static void nameMap(ByteWriter out, Map<Integer, String> m) {
    out.u32(m.size());
    new TreeMap<>(m).forEach((i, n) -> out.u32(i).name(n));
  }
}
