package dev.cortado.wasm.valid;

import dev.cortado.wasm.Expression;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.Opcode;
import dev.cortado.wasm.ValType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.InstructionReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Validates code, one instruction at a time, with the operand and control stacks of the spec's
 * validation algorithm. One instance validates many functions in turn (not concurrently); the rules
 * of each instruction family live in their own class.
 *
 * <p>On the operand stack, {@code null} is the unknown type that unreachable code produces.
 *
 * @see <a href="https://webassembly.github.io/spec/core/appendix/algorithm.html">Validation
 *     algorithm</a>
 */
final class FunctionValidator {
  /** The kind of the implicit block around a function body or constant expression. */
  static final int KIND_FUNCTION = -1;

  final Context ctx;
  private final WasmModule module;

  // Operand stack.
  private ValType[] stack = new ValType[64];
  private int sp;
  private int maxSp;

  // Control stack: one entry per open block.
  private int[] ctrlHeight = new int[16];
  private boolean[] ctrlUnreachable = new boolean[16];
  private int[] ctrlKind = new int[16];
  private int[] ctrlBlock = new int[16];

  @SuppressWarnings("unchecked")
  private List<ValType>[] ctrlParams = new List[16];

  @SuppressWarnings("unchecked")
  private List<ValType>[] ctrlResults = new List[16];

  private int depth;

  // Initialization of non-defaultable locals (Wasm 3.0): which locals are set, the locals set
  // since each block opened (undone when it closes), and each block's start in that list.
  boolean[] localSet = new boolean[16];
  private int[] inits = new int[16];
  private int initCount;
  private int[] ctrlInits = new int[16];

  // The function being validated.
  ValType[] locals = new ValType[16];
  int localCount;
  InstructionReader reader;
  private FuncType functionType;
  private int functionIndex;
  private String where;
  private boolean constantMode;

  // The globals a constant expression may read: those before it.
  int visibleGlobals;

  // Whether the function makes a tail call (return_call, return_call_indirect).
  boolean tailCalls;

  // Blocks seen, FunctionInfo.STRIDE ints each.
  private int[] blocks = new int[FunctionInfo.STRIDE * 16];
  private int blockCount;

  FunctionValidator(Context ctx, WasmModule module) {
    this.ctx = ctx;
    this.module = module;
  }

  /** Validates defined function {@code definedIndex} and returns what was learned. */
  FunctionInfo validateFunction(int definedIndex, Function f) {
    functionIndex = module.importedFunctionCount() + definedIndex;
    where = "";
    constantMode = false;
    functionType = ctx.funcType(f.typeIndex());
    List<ValType> params = functionType.params();
    localCount = 0;
    int total = params.size() + f.locals().size();
    if (locals.length < total) {
      locals = new ValType[total];
    }
    if (localSet.length < total) {
      localSet = new boolean[total];
    }
    for (ValType t : params) {
      localSet[localCount] = true;
      locals[localCount++] = t;
    }
    for (ValType t : f.locals()) {
      if (!knownType(t)) {
        // Reported at the start of the body.
        reader = InstructionReader.of(f.body(), "code");
        throw fail(
            (ctx.isValueTypeOfVersion(t) ? "unknown type: local " : "Wasm 3.0 type of local ")
                + localCount
                + ": "
                + t.text());
      }
      localSet[localCount] = Context.isDefaultable(t);
      locals[localCount++] = t;
    }
    initCount = 0;
    tailCalls = false;
    run(f.body(), functionType.results(), "code");
    int[] recorded = Arrays.copyOf(blocks, blockCount * FunctionInfo.STRIDE);
    return new FunctionInfo(List.of(Arrays.copyOf(locals, localCount)), maxSp, recorded, tailCalls);
  }

  /**
   * Validates a constant expression that must produce one value of type {@code expected}.
   *
   * @param where where the expression is, for messages, for example {@code "global 2"}
   */
  void validateConstant(Expression e, ValType expected, int visibleGlobals, String where) {
    // Wasm 2.0 lets constant expressions read imported globals only.
    this.visibleGlobals =
        ctx.version == WasmVersion.WASM_2_0
            ? Math.min(visibleGlobals, module.importedGlobalCount())
            : visibleGlobals;
    functionIndex = -1;
    this.where = where;
    constantMode = true;
    functionType = null;
    localCount = 0;
    initCount = 0;
    run(e, List.of(expected), where);
  }

  private void run(Expression body, List<ValType> results, String section) {
    sp = 0;
    maxSp = 0;
    depth = 0;
    blockCount = 0;
    reader = InstructionReader.of(body, section, ctx.version);
    pushCtrl(KIND_FUNCTION, -1, List.of(), results);
    while (depth > 0) {
      if (!reader.hasNext()) {
        throw fail("missing end: the code ends inside a block");
      }
      Opcode op = reader.next();
      if (ctx.version == WasmVersion.WASM_2_0 && op.since() == WasmVersion.WASM_3_0) {
        throw fail(
            "unknown instruction "
                + op.text()
                + (op.proposal().isEmpty()
                    ? ": it is Wasm 3.0"
                    : ": it belongs to the "
                        + op.proposal()
                        + " proposal, accepted with Wasm 3.0"));
      }
      if (constantMode) {
        ConstantRules.check(this, op);
      }
      step(op);
    }
    if (reader.hasNext()) {
      reader.next();
      throw fail("instructions after the final end");
    }
  }

  private void step(Opcode op) {
    if (ExceptionRules.handles(op)) {
      ExceptionRules.check(this, op);
      return;
    }
    if (op.handlesObjects()) {
      GcRules.check(this, op);
      return;
    }
    switch (op.immediate()) {
      case NONE -> {
        if (op.hasFixedSignature()) {
          applySignature(op);
        } else {
          ControlRules.plain(this, op);
        }
      }
      case I32, I64, F32, F64, V128 -> applySignature(op);
      case BLOCK_TYPE -> ControlRules.block(this, op);
      case LABEL -> {
        if (op == Opcode.BR || op == Opcode.BR_IF) {
          ControlRules.branch(this, op);
        } else {
          TypedReferenceRules.branch(this, op);
        }
      }
      case TYPE -> TypedReferenceRules.callRef(this, op);
      case BR_TABLE -> ControlRules.brTable(this);
      case FUNC -> {
        switch (op) {
          case CALL -> ControlRules.call(this);
          case RETURN_CALL -> ControlRules.returnCall(this);
          default -> ReferenceRules.refFunc(this);
        }
      }
      case CALL_INDIRECT -> {
        if (op == Opcode.CALL_INDIRECT) {
          ControlRules.callIndirect(this);
        } else {
          ControlRules.returnCallIndirect(this);
        }
      }
      case SELECT_TYPES -> ControlRules.selectTyped(this);
      case LOCAL, GLOBAL -> VariableRules.check(this, op);
      case MEMARG, MEMARG_LANE, MEMORY, MEMORY_INIT, DATA, MEMORY_COPY ->
          MemoryRules.check(this, op);
      case TABLE, TABLE_INIT, ELEM, TABLE_COPY -> TableRules.check(this, op);
      case HEAP_TYPE -> ReferenceRules.refNull(this);
      case LANE, SHUFFLE -> VectorRules.check(this, op);
      case TAG, TRY_TABLE -> throw new AssertionError(op + " is checked by ExceptionRules");
    }
  }

  // The Opcode table's fixed signatures as arrays, indexed by ordinal: the hottest path.
  private static final ValType[][] PARAMS = new ValType[Opcode.values().length][];
  private static final ValType[][] RESULTS = new ValType[Opcode.values().length][];

  static {
    for (Opcode op : Opcode.values()) {
      if (op.hasFixedSignature()) {
        PARAMS[op.ordinal()] = op.params().toArray(new ValType[0]);
        RESULTS[op.ordinal()] = op.results().toArray(new ValType[0]);
      }
    }
  }

  /** Pops the fixed operand types of {@code op} and pushes its results. */
  void applySignature(Opcode op) {
    ValType[] params = PARAMS[op.ordinal()];
    for (int i = params.length - 1; i >= 0; i--) {
      pop(params[i]);
    }
    for (ValType t : RESULTS[op.ordinal()]) {
      push(t);
    }
  }

  // ---- operand stack ----

  void push(ValType t) {
    if (sp == stack.length) {
      stack = Arrays.copyOf(stack, sp * 2);
    }
    stack[sp++] = t;
    if (sp > maxSp) {
      maxSp = sp;
    }
  }

  void pushAll(List<ValType> types) {
    for (int i = 0; i < types.size(); i++) {
      push(types.get(i));
    }
  }

  /** Pops any value; returns null (unknown) in unreachable code with nothing to pop. */
  ValType pop() {
    int top = depth - 1;
    if (sp == ctrlHeight[top]) {
      if (ctrlUnreachable[top]) {
        return null;
      }
      throw fail("type mismatch: expected a value, but the stack is empty");
    }
    return stack[--sp];
  }

  /**
   * Pops a value that must match {@code expected} (null = any), and returns its actual type (null
   * when unknown).
   */
  ValType pop(ValType expected) {
    int top = depth - 1;
    if (sp == ctrlHeight[top]) {
      if (ctrlUnreachable[top]) {
        return null;
      }
      throw fail(
          "type mismatch: expected "
              + (expected == null ? "a value" : expected.text())
              + ", but the stack is empty");
    }
    ValType actual = stack[--sp];
    if (actual != null && expected != null && !matches(actual, expected)) {
      throw fail("type mismatch: expected " + expected.text() + ", got " + actual.text());
    }
    return actual;
  }

  /** Pops values matching {@code types}, the last type first. */
  void popAll(List<ValType> types) {
    for (int i = types.size() - 1; i >= 0; i--) {
      pop(types.get(i));
    }
  }

  /** Returns whether a value of type {@code actual} may be used where {@code expected} is. */
  boolean matches(ValType actual, ValType expected) {
    return actual == expected || ctx.matches(actual, expected);
  }

  /**
   * Returns whether {@code t} is a type of the edition validated against whose type index, if any,
   * names a type of the module.
   */
  boolean knownType(ValType t) {
    return ctx.isKnown(t, ctx.types.size()) && ctx.isValueTypeOfVersion(t);
  }

  // ---- control stack ----

  void pushCtrl(int kind, int block, List<ValType> params, List<ValType> results) {
    if (depth == ctrlHeight.length) {
      int n = depth * 2;
      ctrlHeight = Arrays.copyOf(ctrlHeight, n);
      ctrlUnreachable = Arrays.copyOf(ctrlUnreachable, n);
      ctrlKind = Arrays.copyOf(ctrlKind, n);
      ctrlBlock = Arrays.copyOf(ctrlBlock, n);
      ctrlParams = Arrays.copyOf(ctrlParams, n);
      ctrlResults = Arrays.copyOf(ctrlResults, n);
      ctrlInits = Arrays.copyOf(ctrlInits, n);
    }
    ctrlInits[depth] = initCount;
    ctrlHeight[depth] = sp;
    ctrlUnreachable[depth] = false;
    ctrlKind[depth] = kind;
    ctrlBlock[depth] = block;
    ctrlParams[depth] = params;
    ctrlResults[depth] = results;
    depth++;
    pushAll(params);
  }

  /** Checks the top block's results are on the stack, and closes it. */
  void popCtrl() {
    int top = depth - 1;
    popAll(ctrlResults[top]);
    if (sp != ctrlHeight[top]) {
      throw fail(
          "type mismatch: "
              + (sp - ctrlHeight[top])
              + " value(s) left on the stack at the end of the block");
    }
    // Locals set inside the block are unset again after it.
    while (initCount > ctrlInits[top]) {
      localSet[inits[--initCount]] = false;
    }
    depth--;
  }

  int depth() {
    return depth;
  }

  int topKind() {
    return ctrlKind[depth - 1];
  }

  /** Changes the kind of the innermost block (a legacy {@code try} opens as a plain block). */
  void setTopKind(int kind) {
    ctrlKind[depth - 1] = kind;
  }

  /** Returns the kind of the block label {@code label} (0 = innermost) names. */
  int kindAt(int label) {
    return ctrlKind[depth - 1 - label];
  }

  int topBlock() {
    return ctrlBlock[depth - 1];
  }

  List<ValType> topParams() {
    return ctrlParams[depth - 1];
  }

  List<ValType> topResults() {
    return ctrlResults[depth - 1];
  }

  /** Returns the types a branch to label {@code label} (0 = innermost) carries. */
  List<ValType> labelTypes(int label) {
    int f = depth - 1 - label;
    return ctrlKind[f] == 1 ? ctrlParams[f] : ctrlResults[f];
  }

  boolean hasLabel(int label) {
    return label >= 0 && label < depth;
  }

  /** Marks the rest of the current block unreachable: the stack becomes polymorphic. */
  void unreachable() {
    sp = ctrlHeight[depth - 1];
    ctrlUnreachable[depth - 1] = true;
  }

  boolean constantMode() {
    return constantMode;
  }

  FuncType functionType() {
    return functionType;
  }

  /** Records that local {@code x} is set from here to the end of the current block. */
  void setLocal(int x) {
    if (!localSet[x]) {
      localSet[x] = true;
      if (initCount == inits.length) {
        inits = Arrays.copyOf(inits, initCount * 2);
      }
      inits[initCount++] = x;
    }
  }

  // ---- recording ----

  int openBlock(int kind, List<ValType> params, List<ValType> results) {
    int b = blockCount++;
    int base = b * FunctionInfo.STRIDE;
    if (base + FunctionInfo.STRIDE > blocks.length) {
      blocks = Arrays.copyOf(blocks, blocks.length * 2);
    }
    blocks[base + FunctionInfo.START] = reader.offset();
    blocks[base + FunctionInfo.ELSE] = -1;
    blocks[base + FunctionInfo.END] = -1;
    blocks[base + FunctionInfo.HEIGHT] = sp - params.size();
    blocks[base + FunctionInfo.PARAMS] = params.size();
    blocks[base + FunctionInfo.RESULTS] = results.size();
    blocks[base + FunctionInfo.KIND] = kind;
    return b;
  }

  void recordElse(int block) {
    blocks[block * FunctionInfo.STRIDE + FunctionInfo.ELSE] = reader.offset();
  }

  void recordEnd(int block) {
    if (block >= 0) {
      blocks[block * FunctionInfo.STRIDE + FunctionInfo.END] = reader.offset();
    }
  }

  // ---- errors ----

  InvalidException fail(String problem) {
    String name = functionIndex < 0 ? "" : module.names().functionName(functionIndex).orElse("");
    // Code that was not decoded from a binary starts at source offset 0, which no binary's can.
    boolean inBinary = reader.sourceOffset() != reader.offset();
    return InvalidException.inCode(
        problem, functionIndex, name, reader.sourceOffset(), inBinary, where);
  }

  /** Returns the types of {@code list} as a message fragment. */
  static String text(List<ValType> list) {
    List<String> names = new ArrayList<>(list.size());
    list.forEach(t -> names.add(t.text()));
    return "[" + String.join(" ", names) + "]";
  }
}
