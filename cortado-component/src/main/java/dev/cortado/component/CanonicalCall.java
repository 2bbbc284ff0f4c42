package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A call across the canonical ABI, between component values and a core function's parameters and
 * results ({@link CanonicalAbi#flatten(World.Function, boolean)}): what the host does to call a
 * function a component exports (lowering the arguments, lifting the result), and what it does when
 * a core module calls a function the host provides (lifting the arguments, lowering the result).
 * Values beyond the flat limits go through linear memory.
 */
public final class CanonicalCall {
  private CanonicalCall() {}

  /**
   * Returns the core arguments for calling exported (lifted) function {@code f} with {@code args}.
   */
  public static long[] lowerArguments(AbiMemory mem, World.Function f, List<ComponentValue> args) {
    if (args.size() != f.params().size()) {
      throw new IllegalArgumentException(
          f.name() + " takes " + f.params().size() + " arguments, not " + args.size());
    }
    CanonicalAbi.Signature sig = CanonicalAbi.signature(f);
    if (sig.paramsInMemory()) {
      Shape t = sig.tuple();
      int at = mem.realloc(0, 0, CanonicalAbi.alignment(t), CanonicalAbi.size(t));
      CanonicalValues.store(mem, at, t, new ComponentValue.TupleV(args));
      return new long[] {at & 0xFFFF_FFFFL};
    }
    return FlatValues.lower(mem, f.params(), args);
  }

  /** Returns the result of exported (lifted) function {@code f} from its core results. */
  public static Optional<ComponentValue> liftResult(
      AbiMemory memory, World.Function f, long[] core) {
    if (f.result().isEmpty()) {
      return Optional.empty();
    }
    AbiMemory mem = LiftBudget.of(memory);
    Shape r = f.result().get();
    if (CanonicalAbi.signature(f).resultInMemory()) {
      return Optional.of(CanonicalValues.load(mem, (int) core[0], r));
    }
    return Optional.of(FlatValues.lift(mem, r, core));
  }

  /** Returns the arguments of imported (lowered) function {@code f} from its core parameters. */
  public static List<ComponentValue> liftArguments(
      AbiMemory memory, World.Function f, long[] core) {
    AbiMemory mem = LiftBudget.of(memory);
    CanonicalAbi.Signature sig = CanonicalAbi.signature(f);
    if (sig.paramsInMemory()) {
      return ((ComponentValue.TupleV) CanonicalValues.load(mem, (int) core[0], sig.tuple()))
          .elements();
    }
    List<ComponentValue> args = new ArrayList<>(f.params().size());
    int[] at = {0};
    for (Shape.Field p : f.params()) {
      args.add(FlatValues.lift(mem, p.shape(), core, at));
    }
    return args;
  }

  /**
   * Lowers the result of imported (lowered) function {@code f}: returns its core results, or writes
   * it where the last core parameter points and returns none.
   */
  public static long[] lowerResult(
      AbiMemory mem, World.Function f, Optional<ComponentValue> result, long[] core) {
    if (f.result().isEmpty()) {
      return new long[0];
    }
    Shape r = f.result().get();
    ComponentValue v =
        result.orElseThrow(() -> new IllegalArgumentException(f.name() + " returns a value"));
    if (CanonicalAbi.signature(f).resultInMemory()) {
      CanonicalValues.store(mem, (int) core[core.length - 1], r, v);
      return new long[0];
    }
    return FlatValues.lower(mem, r, v);
  }
}
