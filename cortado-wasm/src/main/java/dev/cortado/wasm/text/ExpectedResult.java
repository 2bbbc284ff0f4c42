package dev.cortado.wasm.text;

import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Objects;

/**
 * One expected result of {@code assert_return}, with {@link #matches} saying whether an actual
 * result satisfies it.
 *
 * <p>Matching is exact (bitwise for floats, so {@code -0.0} does not match {@code 0.0}) except for
 * the NaN patterns: {@code nan:canonical} matches a NaN whose payload is the canonical one (only
 * the top significand bit set), {@code nan:arithmetic} any NaN with that top bit set; the sign is
 * free in both. Vector expectations match lane by lane, in the lane shape they were written in.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 * @see <a href="https://webassembly.github.io/spec/core/exec/numerics.html#nan-propagation">NaN
 *     propagation</a>
 */
public sealed interface ExpectedResult {
  /** Returns whether {@code actual} satisfies this expectation. */
  boolean matches(WastValue actual);

  /**
   * Exactly this value: {@code (i32.const 1)}, {@code (f32.const -0)}, {@code (ref.null func)},
   * {@code (ref.extern 1)}.
   *
   * @param value the value
   */
  record Exact(WastValue value) implements ExpectedResult {
    /** Checks the value is present. */
    public Exact {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean matches(WastValue actual) {
      // A null matches a null of its hierarchy: (ref.null none) is an (ref.null any).
      if (value instanceof WastValue.RefNull e && actual instanceof WastValue.RefNull a) {
        return top(e.type()) == top(a.type());
      }
      return value.equals(actual);
    }

    private static HeapType top(HeapType t) {
      return t instanceof HeapType.Abstract a ? a.top() : t;
    }
  }

  /**
   * {@code (f32.const nan:canonical)} or {@code (f64.const nan:canonical)}.
   *
   * @param type {@link ValType#F32} or {@link ValType#F64}
   */
  record CanonicalNan(ValType type) implements ExpectedResult {
    /** Checks the type is a float type. */
    public CanonicalNan {
      requireFloat(type);
    }

    @Override
    public boolean matches(WastValue actual) {
      return switch (actual) {
        case WastValue.F32 f -> type == ValType.F32 && (f.bits() & 0x7FFFFFFF) == 0x7FC00000;
        case WastValue.F64 f ->
            type == ValType.F64 && (f.bits() & 0x7FFFFFFFFFFFFFFFL) == 0x7FF8000000000000L;
        default -> false;
      };
    }
  }

  /**
   * {@code (f32.const nan:arithmetic)} or {@code (f64.const nan:arithmetic)}.
   *
   * @param type {@link ValType#F32} or {@link ValType#F64}
   */
  record ArithmeticNan(ValType type) implements ExpectedResult {
    /** Checks the type is a float type. */
    public ArithmeticNan {
      requireFloat(type);
    }

    @Override
    public boolean matches(WastValue actual) {
      return switch (actual) {
        case WastValue.F32 f -> type == ValType.F32 && (f.bits() & 0x7FC00000) == 0x7FC00000;
        case WastValue.F64 f ->
            type == ValType.F64 && (f.bits() & 0x7FF8000000000000L) == 0x7FF8000000000000L;
        default -> false;
      };
    }
  }

  /**
   * {@code (v128.const shape lane*)}, where a float lane may be a NaN pattern. Each lane
   * expectation is matched against the lane of the actual vector: {@link WastValue.I32} holding the
   * lane's bits zero-extended for {@code i8x16}, {@code i16x8} and {@code i32x4}, {@link
   * WastValue.I64} for {@code i64x2}, {@link WastValue.F32} and {@link WastValue.F64} for the float
   * shapes.
   *
   * @param shape how the vector is split into lanes
   * @param lanes one expectation per lane, lane 0 first
   */
  record Lanes(LaneShape shape, List<ExpectedResult> lanes) implements ExpectedResult {
    /** Copies the lanes and checks there is one per lane of the shape. */
    public Lanes {
      Objects.requireNonNull(shape, "shape");
      lanes = List.copyOf(lanes);
      if (lanes.size() != shape.lanes()) {
        throw new IllegalArgumentException(
            shape.text() + " has " + shape.lanes() + " lanes, not " + lanes.size());
      }
    }

    @Override
    public boolean matches(WastValue actual) {
      if (!(actual instanceof WastValue.Vector v)) {
        return false;
      }
      for (int i = 0; i < lanes.size(); i++) {
        if (!lanes.get(i).matches(lane(shape, v.value(), i))) {
          return false;
        }
      }
      return true;
    }

    /** Returns lane {@code i} of {@code v} as the value its lane expectation is matched against. */
    public static WastValue lane(LaneShape shape, V128 v, int i) {
      return laneValue(shape, shape.lane(v.low(), v.high(), i));
    }

    /** Returns lane bits as the value a lane expectation is matched against. */
    static WastValue laneValue(LaneShape shape, long bits) {
      return switch (shape) {
        case I64X2 -> new WastValue.I64(bits);
        case F32X4 -> new WastValue.F32((int) bits);
        case F64X2 -> new WastValue.F64(bits);
        default -> new WastValue.I32((int) (bits & ((1L << shape.laneBits()) - 1)));
      };
    }
  }

  /**
   * {@code (either r1 r2 ...)}: any of the alternatives, for results the spec leaves to the
   * implementation (relaxed SIMD).
   *
   * @param alternatives at least one expectation
   */
  record Either(List<ExpectedResult> alternatives) implements ExpectedResult {
    /** Copies the alternatives and checks there is one at least. */
    public Either {
      alternatives = List.copyOf(alternatives);
      if (alternatives.isEmpty()) {
        throw new IllegalArgumentException("either needs at least one result");
      }
    }

    @Override
    public boolean matches(WastValue actual) {
      return alternatives.stream().anyMatch(r -> r.matches(actual));
    }
  }

  /** {@code (ref.extern)}: any non-null external reference. */
  record AnyExtern() implements ExpectedResult {
    @Override
    public boolean matches(WastValue actual) {
      return actual instanceof WastValue.RefExtern;
    }
  }

  /** {@code (ref.func)}: any non-null function reference. */
  record AnyFunc() implements ExpectedResult {
    @Override
    public boolean matches(WastValue actual) {
      return actual instanceof WastValue.RefFunc;
    }
  }

  /**
   * {@code (ref.i31)}, {@code (ref.struct)}, {@code (ref.array)}, {@code (ref.eq)} or {@code
   * (ref.any)}: any non-null reference of that abstract type (Wasm 3.0 scripts). A host reference
   * is only an {@code any}.
   *
   * @param type the abstract heap type
   */
  record AnyOf(HeapType.Abstract type) implements ExpectedResult {
    /** Checks the type is present. */
    public AnyOf {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public boolean matches(WastValue actual) {
      return switch (actual) {
        case WastValue.RefObject o -> o.kind().isSubtypeOf(type);
        case WastValue.RefExtern e -> type == HeapType.Abstract.ANY;
        default -> false;
      };
    }
  }

  /** {@code (ref.exn)}: any non-null exception reference (Wasm 3.0 scripts). */
  record AnyExn() implements ExpectedResult {
    @Override
    public boolean matches(WastValue actual) {
      return actual instanceof WastValue.RefExn;
    }
  }

  /** {@code (ref.null)}: a null reference of any type (Wasm 3.0 scripts). */
  record AnyNull() implements ExpectedResult {
    @Override
    public boolean matches(WastValue actual) {
      return actual instanceof WastValue.RefNull;
    }
  }

  // The types are compared with ValType's constants, never NumType's: touching NumType first leaves
  // ValType's constants null (a class initialisation cycle in the model).
  private static void requireFloat(ValType type) {
    if (type != ValType.F32 && type != ValType.F64) {
      throw new IllegalArgumentException("NaN patterns are for f32 and f64, not " + type);
    }
  }
}
