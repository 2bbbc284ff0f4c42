package dev.cortado.component;

import dev.cortado.runtime.Arguments;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Results;
import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.NumType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical functions at run time: {@code canon lift} makes a core function a component
 * function of the instance, {@code canon lower} makes a component function a core function (a host
 * function of the store), and the resource built-ins work on the instance's handle table.
 */
final class Canon {
  private Canon() {}

  private static final FuncType REALLOC =
      FuncType.of(
          List.of(ValType.I32, ValType.I32, ValType.I32, ValType.I32), List.of(ValType.I32));

  // The types of the resource built-ins, one object each, so the engine finds their ids by
  // identity.
  private static final FuncType I32_TO_I32 =
      FuncType.of(List.of(ValType.I32), List.of(ValType.I32));
  private static final FuncType I32_TO_NOTHING = FuncType.of(List.of(ValType.I32), List.of());

  /**
   * The last type object found equal to {@link #REALLOC}: the realloc functions of one component's
   * canonical definitions share their module's type object, so most checks are one comparison.
   */
  private static volatile FuncType knownRealloc = REALLOC;

  /** The options of a lift or lower, resolved in the frame. */
  private record Options(CoreMemory memory, Optional<Func> postReturn) {}

  private static Options options(
      Frame frame, List<CanonicalFunction.CanonicalOption> options, String where) {
    Optional<Memory> memory = Optional.empty();
    Optional<Func> realloc = Optional.empty();
    Optional<Func> postReturn = Optional.empty();
    CanonicalFunction.Encoding encoding = CanonicalFunction.Encoding.UTF8;
    for (CanonicalFunction.CanonicalOption o : options) {
      switch (o) {
        case CanonicalFunction.Encoding e -> encoding = e;
        case CanonicalFunction.Memory m ->
            memory = Optional.of(Frame.at(frame.coreMemories, m.memory(), "core memory", where));
        case CanonicalFunction.Realloc r -> {
          Func f = Frame.at(frame.coreFuncs, r.function(), "core func", where);
          FuncType t = f.type();
          if (t != knownRealloc) {
            if (!t.equals(REALLOC)) {
              throw new ComponentLinkException(
                  "realloc has type " + t + ", not (i32 i32 i32 i32) -> i32", where);
            }
            knownRealloc = t;
          }
          realloc = Optional.of(f);
        }
        case CanonicalFunction.PostReturn p ->
            postReturn = Optional.of(Frame.at(frame.coreFuncs, p.function(), "core func", where));
        case CanonicalFunction.Async a ->
            throw new ComponentLinkException(
                "async canonical functions (WASI 0.3) are not supported yet", where);
        case CanonicalFunction.Callback c ->
            throw new ComponentLinkException(
                "async canonical functions (WASI 0.3) are not supported yet", where);
      }
    }
    return new Options(new CoreMemory(memory, realloc, encoding), postReturn);
  }

  /**
   * {@code canon lift}: core function {@code core} as a component function of type {@code type}.
   */
  static ComponentFunction lift(
      Frame frame,
      CanonicalFunction.Lift definition,
      Func core,
      World.Function type,
      List<CanonicalFunction.CanonicalOption> options,
      String where) {
    Plan plan = plan(frame, definition, type, true, where);
    FuncType expected = plan.core();
    if (!core.type().equals(expected)) {
      throw new ComponentLinkException(
          "the lifted core function has type " + core.type() + ", not " + expected, where);
    }
    Options o = options(frame, options, where);
    boolean handles = plan.handles();
    return ComponentFunction.of(
        frame.shared.store(),
        type,
        args -> {
          frame.enter();
          try {
            HandleTable.Call call = new HandleTable.Call();
            List<ComponentValue> in = args;
            if (handles) {
              in = new ArrayList<>();
              for (int i = 0; i < args.size(); i++) {
                in.add(Handles.lower(type.params().get(i).shape(), args.get(i), frame, call));
              }
            }
            long[] flat = CanonicalCall.lowerArguments(o.memory(), type, in);
            List<WasmValue> out = core.call(wasm(flat, expected.params()));
            Optional<ComponentValue> result = CanonicalCall.liftResult(o.memory(), type, bits(out));
            if (handles) {
              result = result.map(r -> Handles.lift(type.result().orElseThrow(), r, frame, call));
            }
            if (o.postReturn().isPresent()) {
              o.postReturn().get().call(out.toArray(WasmValue[]::new));
            }
            call.end();
            return result;
          } catch (AbiException e) {
            throw Trap.of(TrapKind.CANONICAL_ABI, e.getMessage());
          } finally {
            frame.leave();
          }
        });
  }

  /** {@code canon lower}: component function {@code f} as a core function of the store. */
  static Func lower(
      Frame frame,
      CanonicalFunction.Lower definition,
      ComponentFunction f,
      List<CanonicalFunction.CanonicalOption> options,
      String where) {
    World.Function type = f.type();
    Plan plan = plan(frame, definition, type, false, where);
    FuncType core = plan.core();
    Options o = options(frame, options, where);
    boolean handles = plan.handles();
    return Func.of(
        frame.shared.store(),
        core,
        (caller, args, results) -> {
          long[] flat = bits(args, core.params());
          try {
            HandleTable.Call call = new HandleTable.Call();
            List<ComponentValue> in = CanonicalCall.liftArguments(o.memory(), type, flat);
            if (handles) {
              List<ComponentValue> lifted = new ArrayList<>();
              for (int i = 0; i < in.size(); i++) {
                lifted.add(Handles.lift(type.params().get(i).shape(), in.get(i), frame, call));
              }
              in = lifted;
            }
            Optional<ComponentValue> result;
            try {
              result = f.callFrom(frame.shared.store(), in);
            } catch (ClassCastException | IndexOutOfBoundsException e) {
              // A host function reading values of another type than the component passes: the
              // component imports it with a type the host does not implement.
              throw Trap.of(
                  TrapKind.CANONICAL_ABI,
                  type.name()
                      + " was imported with a type its host implementation does not take ("
                      + e.getMessage()
                      + ")");
            }
            if (handles && result.isPresent()) {
              result =
                  Optional.of(
                      Handles.lower(type.result().orElseThrow(), result.get(), frame, call));
            }
            long[] out = CanonicalCall.lowerResult(o.memory(), type, result, flat);
            call.end();
            set(results, out, core.results());
          } catch (AbiException e) {
            throw Trap.of(TrapKind.CANONICAL_ABI, e.getMessage());
          }
        });
  }

  /** What a lift or lower works out from its function type once per compiled component. */
  private record Plan(FuncType core, boolean handles) {}

  /**
   * Returns the core type {@code definition}'s function type {@code type} flattens to (lifted or
   * lowered), checked resolvable, and whether it passes handles: computed once per compiled
   * component and definition.
   */
  private static Plan plan(
      Frame frame, CanonicalFunction definition, World.Function type, boolean lift, String where) {
    return frame
        .shared
        .compiled()
        .canonical(
            definition,
            () -> {
              requireResolved(type, where);
              return new Plan(CanonicalAbi.flatten(type, lift), Handles.anyHandle(type, h -> true));
            });
  }

  private static void requireResolved(World.Function f, String where) {
    Optional<String> why = Shapes.unresolved(f);
    if (why.isPresent()) {
      throw new ComponentLinkException(
          "function " + f.name() + " has a type Cortado cannot resolve: " + why.get(), where);
    }
  }

  /** {@code canon resource.new}: a core function making an owned handle of {@code type}. */
  static Func resourceNew(Frame frame, ResourceType type) {
    return Func.of(
        frame.shared.store(),
        I32_TO_I32,
        (caller, args, results) -> results.setI32(0, frame.table().addOwn(type, args.i32(0))));
  }

  /** {@code canon resource.rep}: a core function returning a handle's representation. */
  static Func resourceRep(Frame frame, ResourceType type) {
    return Func.of(
        frame.shared.store(),
        I32_TO_I32,
        (caller, args, results) -> {
          try {
            Object rep = frame.table().rep(args.i32(0), type);
            if (!(rep instanceof Integer i)) {
              throw new AbiException("resource.rep of a resource the host implements");
            }
            results.setI32(0, i);
          } catch (AbiException e) {
            throw Trap.of(TrapKind.CANONICAL_ABI, e.getMessage());
          }
        });
  }

  /** {@code canon resource.drop}: a core function dropping a handle, destroying an owned one. */
  static Func resourceDrop(Frame frame, ResourceType type) {
    return Func.of(
        frame.shared.store(),
        I32_TO_NOTHING,
        (caller, args, results) -> {
          HandleTable.Dropped d;
          try {
            d = frame.table().drop(args.i32(0), type);
          } catch (AbiException e) {
            throw Trap.of(TrapKind.CANONICAL_ABI, e.getMessage());
          }
          if (d.owned()) {
            frame.destroy(type, d.rep());
          }
        });
  }

  private static WasmValue[] wasm(long[] flat, List<ValType> types) {
    WasmValue[] out = new WasmValue[flat.length];
    for (int i = 0; i < flat.length; i++) {
      long x = flat[i];
      out[i] =
          switch (types.get(i)) {
            case NumType n ->
                switch (n) {
                  case I32 -> WasmValue.i32((int) x);
                  case I64 -> WasmValue.i64(x);
                  case F32 -> new WasmValue.F32((int) x);
                  case F64 -> new WasmValue.F64(x);
                };
            default -> throw new AbiException("a canonical function passes only numbers");
          };
    }
    return out;
  }

  private static long[] bits(List<WasmValue> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch (values.get(i)) {
            case WasmValue.I32 v -> v.value() & 0xFFFF_FFFFL;
            case WasmValue.I64 v -> v.value();
            case WasmValue.F32 v -> v.bits() & 0xFFFF_FFFFL;
            case WasmValue.F64 v -> v.bits();
            default -> throw new AbiException("a canonical function returns only numbers");
          };
    }
    return out;
  }

  private static long[] bits(Arguments args, List<ValType> types) {
    long[] out = new long[types.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          switch ((NumType) types.get(i)) {
            case I32 -> args.i32(i) & 0xFFFF_FFFFL;
            case I64 -> args.i64(i);
            case F32 -> Float.floatToRawIntBits(args.f32(i)) & 0xFFFF_FFFFL;
            case F64 -> Double.doubleToRawLongBits(args.f64(i));
          };
    }
    return out;
  }

  private static void set(Results results, long[] out, List<ValType> types) {
    for (int i = 0; i < out.length; i++) {
      switch ((NumType) types.get(i)) {
        case I32 -> results.setI32(i, (int) out[i]);
        case I64 -> results.setI64(i, out[i]);
        case F32 -> results.setF32(i, Float.intBitsToFloat((int) out[i]));
        case F64 -> results.setF64(i, Double.longBitsToDouble(out[i]));
      }
    }
  }
}
