package dev.cortado.wasm.binary;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.RecGroup;
import dev.cortado.wasm.StorageType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.SubType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.internal.ByteReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The type section (id 1): function types, and in Wasm 3.0 (GC) recursion groups, subtypes, struct
 * and array types.
 *
 * @see <a href="https://webassembly.github.io/spec/core/binary/types.html#recursive-types">
 *     Recursive types</a>
 */
final class TypeSection {
  private static final int FUNC = 0x60;
  private static final int STRUCT = 0x5F;
  private static final int ARRAY = 0x5E;
  private static final int SUB = 0x50;
  private static final int SUB_FINAL = 0x4F;
  private static final int REC = 0x4E;

  private TypeSection() {}

  static void read(ByteReader in, Decoding d) {
    boolean gc = d.version != WasmVersion.WASM_2_0;
    int n = in.count();
    for (int i = 0; i < n; i++) {
      if (gc && in.peekU8() == REC) {
        in.u8();
        int m = in.count();
        List<SubType> types = new ArrayList<>(Math.min(m, 1024));
        for (int k = 0; k < m; k++) {
          types.add(subType(in, gc));
        }
        d.module.addRecGroup(new RecGroup(types));
      } else {
        d.module.addRecGroup(RecGroup.of(subType(in, gc)));
      }
    }
  }

  private static SubType subType(ByteReader in, boolean gc) {
    int b = in.peekU8();
    if (gc && (b == SUB || b == SUB_FINAL)) {
      in.u8();
      int n = in.count();
      List<Integer> supertypes = new ArrayList<>(Math.min(n, 16));
      for (int k = 0; k < n; k++) {
        supertypes.add(in.u32());
      }
      return new SubType(b == SUB_FINAL, supertypes, compositeType(in, gc));
    }
    return SubType.of(compositeType(in, gc));
  }

  private static CompositeType compositeType(ByteReader in, boolean gc) {
    int at = in.position();
    int form = in.u8();
    if (form == FUNC) {
      List<ValType> params = valTypes(in);
      List<ValType> results = valTypes(in);
      return new FuncType(params, results);
    }
    if (gc && form == STRUCT) {
      int n = in.count();
      List<FieldType> fields = new ArrayList<>(Math.min(n, 1024));
      for (int k = 0; k < n; k++) {
        fields.add(fieldType(in));
      }
      return new StructType(fields);
    }
    if (gc && form == ARRAY) {
      return new ArrayType(fieldType(in));
    }
    throw in.error(
        "malformed type form 0x"
            + Integer.toHexString(form)
            + (gc
                ? ", expected 0x60 (func), 0x5F (struct) or 0x5E (array)"
                : ", expected 0x60 (func)"),
        at);
  }

  private static FieldType fieldType(ByteReader in) {
    int b = in.peekU8();
    StorageType storage;
    if (b == PackedType.I8.code() || b == PackedType.I16.code()) {
      in.u8();
      storage = b == PackedType.I8.code() ? PackedType.I8 : PackedType.I16;
    } else {
      storage = in.valType();
    }
    int at = in.position();
    int mut = in.u8();
    if (mut > 1) {
      throw in.error("malformed mutability", at);
    }
    return new FieldType(storage, mut == 1);
  }

  private static List<ValType> valTypes(ByteReader in) {
    int n = in.count();
    List<ValType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(in.valType());
    }
    return types;
  }

  static boolean isEmpty(WasmModule m) {
    return m.types().isEmpty();
  }

  static void write(WasmModule m, ByteWriter out) {
    out.u32(m.recGroups().size());
    for (RecGroup g : m.recGroups()) {
      if (g.types().size() != 1) {
        out.u8(REC).u32(g.types().size());
      }
      for (SubType t : g.types()) {
        subType(t, out);
      }
    }
  }

  private static void subType(SubType t, ByteWriter out) {
    if (!t.isFinal() || !t.supertypes().isEmpty()) {
      out.u8(t.isFinal() ? SUB_FINAL : SUB).u32(t.supertypes().size());
      t.supertypes().forEach(out::u32);
    }
    switch (t.composite()) {
      case FuncType f -> {
        out.u8(FUNC);
        out.u32(f.params().size());
        f.params().forEach(out::valType);
        out.u32(f.results().size());
        f.results().forEach(out::valType);
      }
      case StructType s -> {
        out.u8(STRUCT).u32(s.fields().size());
        s.fields().forEach(f -> fieldType(f, out));
      }
      case ArrayType a -> fieldType(a.element(), out.u8(ARRAY));
    }
  }

  private static void fieldType(FieldType f, ByteWriter out) {
    switch (f.storage()) {
      case PackedType p -> out.u8(p.code());
      case ValType v -> out.valType(v);
    }
    out.u8(f.mutable() ? 1 : 0);
  }
}
