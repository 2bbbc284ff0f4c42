package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ArrayObject;
import dev.cortado.runtime.internal.store.ExceptionInstance;
import dev.cortado.runtime.internal.store.FunctionInstance;
import dev.cortado.runtime.internal.store.GlobalInstance;
import dev.cortado.runtime.internal.store.ModuleInstance;
import dev.cortado.runtime.internal.store.RuntimeType;
import dev.cortado.runtime.internal.store.StructObject;
import dev.cortado.wasm.HeapType;
import dev.cortado.wasm.RefType;
import dev.cortado.wasm.V128;
import dev.cortado.wasm.ValType;
import java.util.Optional;

/**
 * Conversions between API values ({@link WasmValue}) and their runtime form: slots of a machine,
 * globals, table elements. Function references are {@link FunctionInstance}s at runtime and {@link
 * Func} handles in the API.
 */
final class Values {
  private Values() {}

  /** Checks {@code v} has type {@code t}, naming {@code what} in the error. */
  static void requireType(WasmValue v, ValType t, String what) {
    requireType(v, t, what, null);
  }

  /**
   * Checks {@code v} has type {@code t}, whose type indices, if any, are {@code owner}'s (null: no
   * function is of such a type), naming {@code what} in the error.
   */
  static void requireType(WasmValue v, ValType t, String what, ModuleInstance owner) {
    if (!hasType(v, t, owner)) {
      throw new IllegalArgumentException(
          what + " must be " + t.text() + ", but " + v.type().text() + " was given");
    }
  }

  private static boolean hasType(WasmValue v, ValType t, ModuleInstance owner) {
    if (!(t instanceof RefType r) || !v.type().isReference()) {
      return v.type().equals(t);
    }
    Optional<?> value =
        switch (v) {
          case WasmValue.FuncRef f -> f.func();
          case WasmValue.ExternRef e -> e.value();
          case WasmValue.AnyRef a -> a.value();
          case WasmValue.ExnRef e -> e.exception();
          default -> throw new AssertionError(v);
        };
    // A null is a null in every hierarchy: the host need not know which one a type index is in.
    if (value.isEmpty()) {
      return r.nullable();
    }
    HeapType.Abstract top = top(r, owner);
    boolean sameHierarchy =
        switch (v) {
          case WasmValue.FuncRef f -> top == HeapType.Abstract.FUNC;
          case WasmValue.ExternRef e -> top == HeapType.Abstract.EXTERN;
          case WasmValue.AnyRef a -> top == HeapType.Abstract.ANY;
          default -> top == HeapType.Abstract.EXN;
        };
    if (!sameHierarchy) {
      return false;
    }
    return switch (r.heapType()) {
      case HeapType.Abstract a ->
          v instanceof WasmValue.AnyRef any ? any.kind().isSubtypeOf(a) : !a.isBottom();
      case HeapType.Concrete c -> {
        if (owner == null) {
          yield false;
        }
        RuntimeType expected = owner.types[c.typeIndex()];
        RuntimeType actual =
            switch (value.get()) {
              case Func f -> owner.typeRegistry.get(f.instance.typeId());
              case StructObject s -> s.type;
              case ArrayObject a -> a.type;
              default -> null;
            };
        yield actual != null && actual.isSubtypeOf(expected);
      }
    };
  }

  /** Returns the top of {@code r}'s hierarchy; a type index is a function type without owner. */
  private static HeapType.Abstract top(RefType r, ModuleInstance owner) {
    return switch (r.heapType()) {
      case HeapType.Abstract a -> a.top();
      case HeapType.Concrete c ->
          owner == null ? HeapType.Abstract.FUNC : owner.types[c.typeIndex()].kind.top();
    };
  }

  /** Returns the runtime form of a reference value. */
  static Object toRef(Store store, WasmValue v) {
    return switch (v) {
      case WasmValue.FuncRef f -> f.func().map(x -> x.checkStore(store).instance).orElse(null);
      case WasmValue.ExternRef e -> e.value().orElse(null);
      case WasmValue.ExnRef e -> e.exception().map(x -> x.instance).orElse(null);
      case WasmValue.AnyRef a -> a.value().orElse(null);
      default -> throw new IllegalArgumentException(v.type().text() + " is not a reference");
    };
  }

  /** Returns the API form of a reference of type {@code t}. */
  static WasmValue fromRef(Store store, Object ref, ValType t) {
    return fromRef(store, ref, t, null);
  }

  /**
   * Returns the API form of a reference of type {@code t}, whose type indices, if any, are {@code
   * owner}'s (null: unknown, and a null of a type index is a null {@code funcref}).
   */
  static WasmValue fromRef(Store store, Object ref, ValType t, ModuleInstance owner) {
    HeapType type = ((RefType) t).heapType();
    boolean any =
        switch (type) {
          case HeapType.Abstract a -> a.top() == HeapType.Abstract.ANY;
          case HeapType.Concrete c ->
              owner != null
                  ? owner.types[c.typeIndex()].kind.top() == HeapType.Abstract.ANY
                  : ref instanceof StructObject || ref instanceof ArrayObject;
        };
    if (any) {
      return new WasmValue.AnyRef(Optional.ofNullable(ref));
    }
    if (((RefType) t).isFunctionReference()) {
      return new WasmValue.FuncRef(
          ref == null ? Optional.empty() : Optional.of(new Func(store, (FunctionInstance) ref)));
    }
    HeapType h = ((RefType) t).heapType();
    if (h == HeapType.Abstract.EXN || h == HeapType.Abstract.NOEXN) {
      return new WasmValue.ExnRef(
          ref == null
              ? Optional.empty()
              : Optional.of(new ExceptionRef(store, (ExceptionInstance) ref)));
    }
    return new WasmValue.ExternRef(Optional.ofNullable(ref));
  }

  /** Writes {@code v} into slot {@code i} of the arrays. */
  static void toSlot(Store store, WasmValue v, long[] lo, long[] hi, Object[] refs, int i) {
    switch (v) {
      case WasmValue.I32 x -> lo[i] = x.value();
      case WasmValue.I64 x -> lo[i] = x.value();
      case WasmValue.F32 x -> lo[i] = x.bits();
      case WasmValue.F64 x -> lo[i] = x.bits();
      case WasmValue.Vec x -> {
        lo[i] = x.value().low();
        hi[i] = x.value().high();
      }
      case WasmValue.FuncRef x -> refs[i] = toRef(store, x);
      case WasmValue.ExternRef x -> refs[i] = toRef(store, x);
      case WasmValue.ExnRef x -> refs[i] = toRef(store, x);
      case WasmValue.AnyRef x -> refs[i] = toRef(store, x);
    }
  }

  /** Returns the value of type {@code t} in slot {@code i} of the arrays. */
  static WasmValue fromSlot(Store store, ValType t, long[] lo, long[] hi, Object[] refs, int i) {
    return fromSlot(store, t, lo, hi, refs, i, null);
  }

  /** Returns the value of type {@code t}, whose type indices are {@code owner}'s, in a slot. */
  static WasmValue fromSlot(
      Store store, ValType t, long[] lo, long[] hi, Object[] refs, int i, ModuleInstance owner) {
    if (t == ValType.I32) {
      return new WasmValue.I32((int) lo[i]);
    } else if (t == ValType.I64) {
      return new WasmValue.I64(lo[i]);
    } else if (t == ValType.F32) {
      return new WasmValue.F32((int) lo[i]);
    } else if (t == ValType.F64) {
      return new WasmValue.F64(lo[i]);
    } else if (t == ValType.V128) {
      return new WasmValue.Vec(new V128(lo[i], hi[i]));
    }
    return fromRef(store, refs[i], t, owner);
  }

  /** Sets global {@code g} to {@code v}. */
  static void toGlobal(Store store, WasmValue v, GlobalInstance g) {
    long[] lo = new long[1];
    long[] hi = new long[1];
    Object[] refs = new Object[1];
    toSlot(store, v, lo, hi, refs, 0);
    g.value = lo[0];
    g.high = hi[0];
    g.ref = refs[0];
  }

  /** Returns the value of global {@code g}. */
  static WasmValue fromGlobal(Store store, GlobalInstance g) {
    return fromSlot(
        store,
        g.type().valueType(),
        new long[] {g.value},
        new long[] {g.high},
        new Object[] {g.ref},
        0,
        g.owner);
  }
}
