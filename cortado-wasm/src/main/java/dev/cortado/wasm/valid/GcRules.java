package dev.cortado.wasm.valid;

import dev.cortado.wasm.ArrayType;
import dev.cortado.wasm.CompositeType;
import dev.cortado.wasm.FieldType;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.StructType;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.VecType;
import java.util.List;

/**
 * Validation of Wasm 3.0's garbage collection instructions: structs, arrays, {@code i31}, {@code
 * ref.eq}, casts ({@code ref.test}, {@code ref.cast}, {@code br_on_cast}, {@code br_on_cast_fail})
 * and the conversions between the {@code any} and {@code extern} hierarchies. In unreachable code
 * an unknown operand (null) stands for the bottom type.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/valid/instructions.html#aggregate-reference-instructions">
 *     Aggregate reference instructions</a>
 */
final class GcRules {
  private GcRules() {}

  private static final RefType EQREF = RefType.nullable(HeapType.Abstract.EQ);
  private static final RefType ARRAYREF = RefType.nullable(HeapType.Abstract.ARRAY);
  private static final RefType I31REF = RefType.nullable(HeapType.Abstract.I31);

  static void check(FunctionValidator v, Opcode op) {
    switch (op) {
      case REF_EQ -> {
        v.pop(EQREF);
        v.pop(EQREF);
        v.push(ValType.I32);
      }
      case STRUCT_NEW, STRUCT_NEW_DEFAULT -> structNew(v, op);
      case STRUCT_GET, STRUCT_GET_S, STRUCT_GET_U -> structGet(v, op);
      case STRUCT_SET -> structSet(v);
      case ARRAY_NEW, ARRAY_NEW_DEFAULT, ARRAY_NEW_FIXED, ARRAY_NEW_DATA, ARRAY_NEW_ELEM ->
          arrayNew(v, op);
      case ARRAY_GET, ARRAY_GET_S, ARRAY_GET_U -> {
        int x = v.reader.index();
        FieldType e = array(v, x).element();
        checkSign(v, op, e, op != Opcode.ARRAY_GET);
        v.pop(ValType.I32);
        v.pop(nullableRef(x));
        v.push(e.unpacked());
      }
      case ARRAY_SET -> {
        int x = v.reader.index();
        FieldType e = mutableArray(v, x);
        v.pop(e.unpacked());
        v.pop(ValType.I32);
        v.pop(nullableRef(x));
      }
      case ARRAY_LEN -> {
        v.pop(ARRAYREF);
        v.push(ValType.I32);
      }
      case ARRAY_FILL -> {
        int x = v.reader.index();
        FieldType e = mutableArray(v, x);
        v.pop(ValType.I32);
        v.pop(e.unpacked());
        v.pop(ValType.I32);
        v.pop(nullableRef(x));
      }
      case ARRAY_COPY -> arrayCopy(v);
      case ARRAY_INIT_DATA, ARRAY_INIT_ELEM -> {
        int x = v.reader.index();
        FieldType e = mutableArray(v, x);
        segment(v, op, e);
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(ValType.I32);
        v.pop(nullableRef(x));
      }
      case REF_TEST, REF_TEST_NULL, REF_CAST, REF_CAST_NULL -> {
        RefType target = v.reader.castType();
        known(v, target);
        v.pop(RefType.nullable(top(v, target.heapType())));
        v.push(op == Opcode.REF_TEST || op == Opcode.REF_TEST_NULL ? ValType.I32 : target);
      }
      case BR_ON_CAST, BR_ON_CAST_FAIL -> branchOnCast(v, op);
      case ANY_CONVERT_EXTERN -> convert(v, HeapType.Abstract.EXTERN, HeapType.Abstract.ANY);
      case EXTERN_CONVERT_ANY -> convert(v, HeapType.Abstract.ANY, HeapType.Abstract.EXTERN);
      case REF_I31 -> {
        v.pop(ValType.I32);
        v.push(new RefType(false, HeapType.Abstract.I31));
      }
      case I31_GET_S, I31_GET_U -> {
        v.pop(I31REF);
        v.push(ValType.I32);
      }
      default -> throw new AssertionError(op + " is not a GC instruction");
    }
  }

  private static RefType nullableRef(int typeIndex) {
    return new RefType(true, new HeapType.Concrete(typeIndex));
  }

  private static CompositeType composite(FunctionValidator v, int x) {
    if (!v.ctx.hasType(x)) {
      throw v.fail("unknown type " + Integer.toUnsignedString(x));
    }
    return v.ctx.types.get(x).composite();
  }

  private static StructType struct(FunctionValidator v, int x) {
    if (!(composite(v, x) instanceof StructType s)) {
      throw v.fail("type mismatch: type " + x + " is not a struct type");
    }
    return s;
  }

  static ArrayType array(FunctionValidator v, int x) {
    if (!(composite(v, x) instanceof ArrayType a)) {
      throw v.fail("type mismatch: type " + x + " is not an array type");
    }
    return a;
  }

  private static FieldType mutableArray(FunctionValidator v, int x) {
    FieldType e = array(v, x).element();
    if (!e.mutable()) {
      throw v.fail("immutable array: type " + x + "'s elements cannot be changed");
    }
    return e;
  }

  /** {@code get_s}/{@code get_u} read packed fields only, plain {@code get} unpacked ones only. */
  private static void checkSign(FunctionValidator v, Opcode op, FieldType f, boolean signed) {
    if (signed && !f.isPacked()) {
      throw v.fail("type mismatch: " + op.text() + " reads a packed field, not " + f.text());
    }
    if (!signed && f.isPacked()) {
      throw v.fail(
          "type mismatch: "
              + op.text()
              + " cannot read the packed "
              + f.text()
              + " (use _s or _u)");
    }
  }

  private static void structNew(FunctionValidator v, Opcode op) {
    int x = v.reader.index();
    List<FieldType> fields = struct(v, x).fields();
    if (op == Opcode.STRUCT_NEW) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        v.pop(fields.get(i).unpacked());
      }
    } else {
      for (FieldType f : fields) {
        if (!Context.isDefaultable(f.unpacked())) {
          throw v.fail("type mismatch: field type " + f.text() + " has no default value");
        }
      }
    }
    v.push(new RefType(false, new HeapType.Concrete(x)));
  }

  private static FieldType field(FunctionValidator v, int x) {
    List<FieldType> fields = struct(v, x).fields();
    int y = v.reader.index2();
    if (!Context.inRange(y, fields.size())) {
      throw v.fail("unknown field " + Integer.toUnsignedString(y) + " of type " + x);
    }
    return fields.get(y);
  }

  private static void structGet(FunctionValidator v, Opcode op) {
    int x = v.reader.index();
    FieldType f = field(v, x);
    checkSign(v, op, f, op != Opcode.STRUCT_GET);
    v.pop(nullableRef(x));
    v.push(f.unpacked());
  }

  private static void structSet(FunctionValidator v) {
    int x = v.reader.index();
    FieldType f = field(v, x);
    if (!f.mutable()) {
      throw v.fail("immutable field " + v.reader.index2() + " of type " + x);
    }
    v.pop(f.unpacked());
    v.pop(nullableRef(x));
  }

  private static void arrayNew(FunctionValidator v, Opcode op) {
    int x = v.reader.index();
    FieldType e = array(v, x).element();
    switch (op) {
      case ARRAY_NEW -> {
        v.pop(ValType.I32);
        v.pop(e.unpacked());
      }
      case ARRAY_NEW_DEFAULT -> {
        if (!Context.isDefaultable(e.unpacked())) {
          throw v.fail("type mismatch: element type " + e.text() + " has no default value");
        }
        v.pop(ValType.I32);
      }
      case ARRAY_NEW_FIXED -> {
        long n = Integer.toUnsignedLong(v.reader.index2());
        if (n > MAX_FIXED) {
          throw v.fail("array.new_fixed of " + n + " elements exceeds the limit of " + MAX_FIXED);
        }
        for (long i = 0; i < n; i++) {
          v.pop(e.unpacked());
        }
      }
      default -> {
        segment(v, op, e);
        v.pop(ValType.I32);
        v.pop(ValType.I32);
      }
    }
    v.push(new RefType(false, new HeapType.Concrete(x)));
  }

  /** The most operands {@code array.new_fixed} may take (the limit browsers share). */
  static final int MAX_FIXED = 10_000;

  /**
   * Checks the segment of {@code array.new_data}/{@code init_data} (numeric or vector elements) or
   * {@code array.new_elem}/{@code init_elem} (references that match the element type).
   */
  private static void segment(FunctionValidator v, Opcode op, FieldType e) {
    int y = v.reader.index2();
    if (op == Opcode.ARRAY_NEW_DATA || op == Opcode.ARRAY_INIT_DATA) {
      if (!(e.isPacked() || e.storage() instanceof NumType || e.storage() instanceof VecType)) {
        throw v.fail("type mismatch: " + op.text() + " needs numeric or vector elements");
      }
      if (!Context.inRange(y, v.ctx.dataCount)) {
        throw v.fail("unknown data segment " + Integer.toUnsignedString(y));
      }
      return;
    }
    if (!Context.inRange(y, v.ctx.elements.length)) {
      throw v.fail("unknown elem segment " + Integer.toUnsignedString(y));
    }
    RefType segmentType = v.ctx.elements[y];
    if (e.isPacked() || !v.matches(segmentType, e.unpacked())) {
      throw v.fail(
          "type mismatch: elem segment "
              + y
              + " of "
              + segmentType.text()
              + " does not fit elements of "
              + e.text());
    }
  }

  private static void arrayCopy(FunctionValidator v) {
    int x = v.reader.index();
    int y = v.reader.index2();
    FieldType dst = mutableArray(v, x);
    FieldType src = array(v, y).element();
    boolean fits =
        dst.isPacked() || src.isPacked()
            ? dst.storage() == src.storage()
            : v.matches(src.unpacked(), dst.unpacked());
    if (!fits) {
      throw v.fail(
          "type mismatch: array.copy from elements of "
              + src.text()
              + " into elements of "
              + dst.text());
    }
    v.pop(ValType.I32);
    v.pop(ValType.I32);
    v.pop(nullableRef(y));
    v.pop(ValType.I32);
    v.pop(nullableRef(x));
  }

  private static void known(FunctionValidator v, RefType t) {
    if (!v.knownType(t)) {
      throw v.fail("unknown type " + t.heapType().text());
    }
  }

  /**
   * Returns the top of {@code h}'s hierarchy: {@code any}, {@code func}, {@code extern}, {@code
   * exn}.
   */
  static HeapType.Abstract top(FunctionValidator v, HeapType h) {
    return switch (h) {
      case HeapType.Abstract a -> a.top();
      case HeapType.Concrete c -> v.ctx.kind(c.typeIndex()).orElseThrow().top();
    };
  }

  /** Returns {@code t1 \ t2}: {@code t1} without null when {@code t2} takes null. */
  private static RefType difference(RefType t1, RefType t2) {
    return t2.nullable() ? t1.withNullable(false) : t1;
  }

  /**
   * {@code br_on_cast l rt1 rt2}: {@code [t* rt1] -> [t* (rt1 \ rt2)]}, branching with {@code t*
   * rt2} when the cast succeeds; {@code br_on_cast_fail}: {@code [t* rt1] -> [t* rt2]}, branching
   * with {@code t* (rt1 \ rt2)} when it fails. {@code rt2} must match {@code rt1}.
   */
  private static void branchOnCast(FunctionValidator v, Opcode op) {
    int label = v.reader.index();
    RefType from = v.reader.castSourceType();
    RefType to = v.reader.castType();
    known(v, from);
    known(v, to);
    if (!v.hasLabel(label)) {
      throw v.fail("unknown label " + Integer.toUnsignedString(label));
    }
    if (!v.matches(to, from)) {
      throw v.fail("type mismatch: " + op.text() + " to " + to.text() + " from " + from.text());
    }
    List<ValType> types = v.labelTypes(label);
    if (types.isEmpty()) {
      throw v.fail("type mismatch: " + op.text() + " needs a label carrying a reference, not []");
    }
    RefType branched = op == Opcode.BR_ON_CAST ? to : difference(from, to);
    RefType remains = op == Opcode.BR_ON_CAST ? difference(from, to) : to;
    ValType last = types.get(types.size() - 1);
    if (!v.matches(branched, last)) {
      throw v.fail(
          "type mismatch: "
              + op.text()
              + " branches with "
              + branched.text()
              + " to a label of "
              + last.text());
    }
    v.pop(from);
    List<ValType> rest = types.subList(0, types.size() - 1);
    v.popAll(rest);
    v.pushAll(rest);
    v.push(remains);
  }

  /** {@code any.convert_extern} and {@code extern.convert_any}: the nullability carries over. */
  private static void convert(FunctionValidator v, HeapType.Abstract from, HeapType.Abstract to) {
    ValType t = v.pop(RefType.nullable(from));
    // An unknown operand (unreachable code) is the bottom type, which is not null.
    boolean nullable = t instanceof RefType r && r.nullable();
    v.push(new RefType(nullable, to));
  }
}
