package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CompilationException;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.binary.InstructionReader;
import dev.cortado.wasm.valid.FunctionInfo;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;

/**
 * Decides how each function becomes methods. HotSpot never JIT-compiles a method of more than 8,000
 * bytes of code (its {@code HugeMethodLimit}); the JVM refuses more than 64 KiB. A function whose
 * code would be bigger is cut into {@link Piece}s so that every method's own code stays under
 * {@link #LIMIT}: a trial emission measures the function, {@link SplitPlanner} chooses pieces for a
 * target size, and a second trial checks every method, aiming lower until all fit.
 */
final class FunctionSplitter {
  /** The most code one generated method may hold (see {@link MethodLimit}). */
  static final int LIMIT = MethodLimit.LIMIT;

  /**
   * Bodies up to this size are emitted without a trial: nearly all stay under the limit, and the
   * few that do not (calls of imports take ~25 bytes of code per byte) are caught by counting the
   * real emission and planned again with {@code measure}.
   */
  private static final int UNMEASURED_BODY = 1_500;

  /**
   * A function that fits one method has its outermost loops cut out (see {@link
   * SplitPlanner#outermostLoops}) from this many bytes of code.
   */
  static final int LOOPS_FROM = 2_500;

  /**
   * A function that also runs once per run of its one caller ({@link RepeatedCallees#once}) has
   * them cut out from this many bytes, and even a single one.
   */
  static final int ONCE_LOOPS_FROM = 1_500;

  /** A piece keeps a local in a JVM local if its own code uses it this many times. */
  private static final int REGISTER_USES = 3;

  /** Up to this many locals, the root keeps them all in JVM locals without a scan for use. */
  private static final int UNSCANNED_LOCALS = 2_048;

  private FunctionSplitter() {}

  /**
   * Returns the plan for defined function {@code defined}, after a trial emission if the body is
   * large or {@code measure} asks for one.
   */
  static SplitPlan plan(ModuleContext mc, int defined, boolean measure) {
    Function function = mc.module.module().functions().get(defined);
    FuncType type = mc.module.functionType(mc.importedFunctions + defined);
    FunctionInfo info = mc.module.functionInfo(defined);
    List<ValType> locals = info.localTypes();
    SplitPlan whole = whole(function, type, locals);
    if (!measure && function.body().code().length() <= Math.min(UNMEASURED_BODY, LIMIT / 16)) {
      return whole;
    }
    FunctionShape shape = new FunctionShape();
    SizeCounter counter = new SizeCounter(null);
    new FunctionEmitter(mc, counter, defined, type, function, info, whole, null)
        .recording(shape, counter)
        .emit();
    // Loops are cut out only of a function not called over and over: it would pay a call per loop
    // each time. Of one that runs once per run of its one caller, even a single loop.
    int index = mc.importedFunctions + defined;
    int minLoops = mc.repeatedCallee(index) ? 0 : mc.calledOnce(index) ? 1 : 2;
    if (counter.size() <= LIMIT
        && counter.size() < (minLoops == 1 ? ONCE_LOOPS_FROM : LOOPS_FROM)) {
      return whole;
    }
    InstructionReader reader = InstructionReader.of(function.body());
    if (counter.size() <= LIMIT) {
      // Fits one method: cut only its outermost loops out, if it runs several one after another
      // and is big enough that compiling it whole for each loop costs.
      if (minLoops == 0) {
        return whole;
      }
      List<Piece> loopPieces = SplitPlanner.plan(shape, reader, type, LIMIT, minLoops, null);
      if (loopPieces.isEmpty()) {
        return whole;
      }
      SplitPlan plan =
          build(
              shape,
              LocalLiveness.of(shape, reader, locals.size()),
              loopPieces,
              type,
              locals,
              VectorScan.usesVectors(mc, function, locals, type),
              null,
              false);
      return fits(mc, defined, type, function, info, plan) ? plan : whole;
    }
    boolean vectors = VectorScan.usesVectors(mc, function, locals, type);
    SplitPlan plan =
        cut(mc, defined, function, info, shape, reader, minLoops, null, false, vectors);
    boolean deepStack = info.maxStackHeight() > DeepStack.FROM;
    boolean paramsInFrame = !JvmTypes.takesArguments(type);
    if (plan == null && (deepStack || paramsInFrame)) {
      // Values waiting on the operand stack between the pieces, or more parameters than the root
      // method can load: the operand stack's deep part and the parameters go to the frame, and the
      // function is measured again that way.
      DeepStack deep = deepStack ? new DeepStack(shape, info.maxStackHeight()) : null;
      FunctionShape framed = new FunctionShape();
      SizeCounter framedCounter = new SizeCounter(null);
      SplitPlan framedWhole =
          new SplitPlan(
              List.of(),
              whole.rootOwn,
              locals,
              type.params().size(),
              0,
              false,
              false,
              deep,
              paramsInFrame);
      new FunctionEmitter(mc, framedCounter, defined, type, function, info, framedWhole, null)
          .recording(framed, framedCounter)
          .emit();
      plan =
          cut(mc, defined, function, info, framed, reader, minLoops, deep, paramsInFrame, vectors);
    }
    if (plan != null) {
      return plan;
    }
    throw new CompilationException(
        "function "
            + (mc.importedFunctions + defined)
            + " cannot be cut into methods under "
            + LIMIT
            + " bytes");
  }

  /**
   * Returns a plan cutting the function {@code shape} records into methods that all fit, aiming
   * lower at each attempt, with its operand stack's {@code deep} part (null: none) and, if {@code
   * paramsInFrame}, its parameters in the frame; null if no attempt fits.
   */
  private static SplitPlan cut(
      ModuleContext mc,
      int defined,
      Function function,
      FunctionInfo info,
      FunctionShape shape,
      InstructionReader reader,
      int minLoops,
      DeepStack deep,
      boolean paramsInFrame,
      boolean vectors) {
    FuncType type = mc.module.functionType(mc.importedFunctions + defined);
    // The same for every attempt: it depends on the instructions, not on where they are cut.
    LocalLiveness live = LocalLiveness.of(shape, reader, info.localTypes().size());
    int target = LIMIT * 5 / 6;
    for (int attempt = 0; attempt < 6; attempt++, target = target * 2 / 3) {
      List<Piece> pieces = SplitPlanner.plan(shape, reader, type, target, minLoops, deep);
      SplitPlan plan =
          build(shape, live, pieces, type, info.localTypes(), vectors, deep, paramsInFrame);
      if (fits(mc, defined, type, function, info, plan)) {
        return plan;
      }
    }
    return null;
  }

  /** The plan of a function compiled as one method. */
  private static SplitPlan whole(Function function, FuncType type, List<ValType> locals) {
    BitSet own = new BitSet();
    if (locals.size() <= UNSCANNED_LOCALS) {
      own.set(0, locals.size());
    } else {
      own.set(0, type.params().size());
      InstructionReader r = InstructionReader.of(function.body());
      while (r.hasNext()) {
        switch (r.next()) {
          case LOCAL_GET, LOCAL_SET, LOCAL_TEE -> own.set(r.index());
          default -> {}
        }
      }
    }
    return new SplitPlan(
        List.of(), own, locals, type.params().size(), 0, false, false, null, false);
  }

  /**
   * Links {@code pieces} into a tree, finds the locals each method's own code uses and, from {@code
   * live} (null: unknown), those each piece call copies.
   */
  private static SplitPlan build(
      FunctionShape shape,
      LocalLiveness live,
      List<Piece> pieces,
      FuncType type,
      List<ValType> locals,
      boolean vectors,
      DeepStack deep,
      boolean paramsInFrame) {
    BitSet rootOwn = new BitSet();
    if (!paramsInFrame) {
      rootOwn.set(0, type.params().size());
    }
    Deque<Piece> open = new ArrayDeque<>();
    int next = 0;
    int exchange = type.results().size();
    boolean refs = type.results().stream().anyMatch(ValType::isReference);
    for (Piece p : pieces) {
      exchange = Math.max(exchange, Math.max(p.params.size(), p.results.size()));
      refs |= p.params.stream().anyMatch(ValType::isReference);
      refs |= p.results.stream().anyMatch(ValType::isReference);
      for (int k = p.exits.nextSetBit(0); k >= 0; k = p.exits.nextSetBit(k + 1)) {
        exchange = Math.max(exchange, p.carried(k).size());
        refs |= p.carried(k).stream().anyMatch(ValType::isReference);
      }
    }
    for (int i = 0; i < shape.count; i++) {
      while (!open.isEmpty() && open.peek().end <= i) {
        open.pop();
      }
      while (next < pieces.size() && pieces.get(next).start == i) {
        Piece p = pieces.get(next++);
        if (!open.isEmpty()) {
          open.peek().children.add(p);
        }
        open.push(p);
      }
      byte kind = shape.kind[i];
      if (kind == FunctionShape.LOCAL_READ || kind == FunctionShape.LOCAL_WRITE) {
        if (open.isEmpty()) {
          rootOwn.set(shape.arg[i]);
        } else {
          open.peek().accesses.merge(shape.arg[i], 1, Integer::sum);
        }
      }
    }
    // A piece loads its JVM locals on entry and stores them on exit: worth it for a local it uses
    // a few times (or in a loop, where it is used many times); one used once or twice is read and
    // written in the frame where it is used.
    for (Piece p : pieces) {
      p.accesses.forEach(
          (local, n) -> {
            if (n >= REGISTER_USES) {
              p.own.set(local);
            }
          });
      p.accesses.clear();
    }
    for (Piece p : pieces) {
      p.narrow(live);
    }
    return new SplitPlan(
        pieces,
        rootOwn,
        locals,
        type.params().size(),
        exchange,
        refs,
        vectors,
        deep,
        paramsInFrame);
  }

  /** Returns whether every method of {@code plan} stays under {@link #LIMIT}. */
  private static boolean fits(
      ModuleContext mc,
      int defined,
      FuncType type,
      Function function,
      FunctionInfo info,
      SplitPlan plan) {
    SizeCounter root = new SizeCounter(null);
    new FunctionEmitter(mc, root, defined, type, function, info, plan, null).emit();
    if (root.size() > LIMIT) {
      return false;
    }
    for (Piece p : plan.pieces) {
      SizeCounter c = new SizeCounter(null);
      new FunctionEmitter(mc, c, defined, type, function, info, plan, p).emit();
      if (c.size() > LIMIT) {
        return false;
      }
    }
    return true;
  }
}
