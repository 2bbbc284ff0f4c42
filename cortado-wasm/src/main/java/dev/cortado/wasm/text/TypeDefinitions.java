package dev.cortado.wasm.text;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.PackedType;
import dev.cortado.wasm.StorageType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.WasmVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the composite type of a type definition: {@code (func ...)}, and in Wasm 3.0 (GC) {@code
 * (struct (field ...)*)} and {@code (array fieldtype)}.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/types.html#aggregate-types">Aggregate
 *     types</a>
 */
final class TypeDefinitions {
  private TypeDefinitions() {}

  /** Reads a composite type. */
  static CompositeType composite(Cursor c, TypeTable types, WasmVersion version) {
    boolean gc = version != WasmVersion.WASM_2_0;
    if (gc && c.peekParens("struct")) {
      Cursor s = c.expectParens("struct");
      List<FieldType> fields = new ArrayList<>();
      IdSpace ids = new IdSpace("field");
      while (!s.atEnd()) {
        Cursor f = s.expectParens("field");
        Optional<Token> id = f.optionalId();
        if (id.isPresent()) {
          // A named field holds one field type.
          fields.add(fieldType(f, types));
          ids.declare(id);
          f.expectEnd();
        } else {
          while (!f.atEnd()) {
            fields.add(fieldType(f, types));
            ids.declare(Optional.empty());
          }
        }
      }
      types.nameFields(ids);
      return new StructType(fields);
    }
    if (gc && c.peekParens("array")) {
      Cursor a = c.expectParens("array");
      FieldType element = fieldType(a, types);
      a.expectEnd();
      return new ArrayType(element);
    }
    Cursor f = c.expectParens("func");
    if (f.peekParens("type")) {
      throw f.unexpected("(param ...) or (result ...)");
    }
    TypeUse signature = TypeUse.parse(f, types, true);
    f.expectEnd();
    return signature.inlineType();
  }

  private static FieldType fieldType(Cursor c, TypeTable types) {
    if (c.peekParens("mut")) {
      Cursor m = c.expectParens("mut");
      StorageType t = storage(m, types);
      m.expectEnd();
      return new FieldType(t, true);
    }
    return new FieldType(storage(c, types), false);
  }

  private static StorageType storage(Cursor c, TypeTable types) {
    for (PackedType p : PackedType.values()) {
      if (c.peekKeyword(p.text())) {
        c.next();
        return p;
      }
    }
    return Types.valType(c, types);
  }
}
