package dev.cortado.compiler.internal;

import dev.cortado.wasm.AddressType;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Function;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.MemoryType;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What compiling one function needs to know of its module: types, and where functions live. */
final class ModuleContext {
  /**
   * At most this many functions per generated class, and at most {@link #CODE_PER_CLASS} bytes of
   * their WebAssembly code: keeps each class's constant pool (65,535 entries), size and entry
   * bridge small.
   */
  static final int FUNCTIONS_PER_CLASS = 128;

  static final int CODE_PER_CLASS = 48 * 1024;

  // The largest memoryMinimum: enough for any offset below 2^30, the only ones at checks.
  private static final int MAX_MINIMUM = 1 << 30;

  final ValidatedModule module;
  final String classPrefix;
  final int importedFunctions;
  final boolean hasMemory;

  /**
   * The fewest bytes memory 0 can hold, by the module's type of it (an imported memory may hold
   * more, never less), at most 2^30; 0 without a memory.
   */
  final int memoryMinimum;

  /**
   * The defined functions compiled; the others (too many parameters for a JVM method, or code too
   * large for one) run in the interpreter.
   */
  final BitSet compiled = new BitSet();

  // Defined functions by the JVM descriptor of their type: a call through a table or reference
  // switches among all of one descriptor, as a function of a subtype (Wasm 3.0) or of an
  // equivalent type of another record may answer it; the call's type was checked before.
  private final Map<String, List<Integer>> functionsByDescriptor = new HashMap<>();
  // The first function type seen of each descriptor, which names its dispatch method.
  private final Map<String, FuncType> dispatchTypes = new HashMap<>();

  /** The class of each defined function, and the first function of each class (then the count). */
  final int[] classIndex;

  private final int[] classStart;
  // The type index of each tag, imported ones first; found when first asked.
  private int[] tagTypes;
  // Per defined function: 0 not known yet, 1 no try, 2 a try.
  private final byte[] catching;
  private final Map<FuncType, String> dispatchMethods = new LinkedHashMap<>();
  // Found when first asked.
  private RepeatedCallees callees;
  private MemoryGrowth memoryGrowth;
  private BitSet pendingTailCalls;

  /**
   * Returns whether defined function {@code defined} makes tail calls: but for those of itself that
   * jump back to its start ({@code ReturnEmitter.selfTailCall}), it returns with them pending (see
   * {@code CallEmitter.tailCall}), for its caller to make.
   */
  boolean pendsTailCalls(int defined) {
    return pendingTailCalls().get(defined);
  }

  /** Returns whether some defined function pends tail calls: calls through tables must look. */
  boolean anyPendsTailCalls() {
    return !pendingTailCalls().isEmpty();
  }

  private BitSet pendingTailCalls() {
    if (pendingTailCalls == null) {
      pendingTailCalls = new BitSet();
      List<Function> functions = module.module().functions();
      for (int d = 0; d < functions.size(); d++) {
        if (module.functionInfo(d).makesTailCalls()) {
          pendingTailCalls.set(d);
        }
      }
    }
    return pendingTailCalls;
  }

  /** Returns whether function {@code index} may run many times per call of its caller. */
  boolean repeatedCallee(int index) {
    return callees().repeated(index);
  }

  /** Returns whether function {@code index} runs once per run of its one caller (see there). */
  boolean calledOnce(int index) {
    return callees().once(index);
  }

  private RepeatedCallees callees() {
    if (callees == null) {
      callees = RepeatedCallees.of(module.module());
    }
    return callees;
  }

  /**
   * Returns whether a call of function {@code index} may grow a memory, so that the caller must
   * reload memory 0 after it.
   */
  boolean mayGrowMemory(int index) {
    if (memoryGrowth == null) {
      memoryGrowth = new MemoryGrowth(module.module());
    }
    return memoryGrowth.mayGrow(index);
  }

  private static int minimumBytes(MemoryType type) {
    long pages = type.limits().min();
    int shift = type.pageSizeLog2();
    // Unsigned: a minimum of 2^63 pages or more is as far beyond 2^30 bytes as any.
    return Long.compareUnsigned(pages, MAX_MINIMUM >>> shift) >= 0
        ? MAX_MINIMUM
        : (int) (pages << shift);
  }

  /** Returns whether memory {@code k} has 64-bit addresses (memory64). */
  boolean memoryIs64(int k) {
    return module.memoryType(k).addressType() == AddressType.I64;
  }

  /** Returns whether table {@code k} has 64-bit indexes (memory64). */
  boolean tableIs64(int k) {
    return module.tableType(k).addressType() == AddressType.I64;
  }

  ModuleContext(ValidatedModule module, String classPrefix) {
    this.module = module;
    this.classPrefix = classPrefix;
    this.importedFunctions = module.module().importedFunctionCount();
    this.hasMemory = module.module().memoryCount() > 0;
    this.memoryMinimum = hasMemory ? minimumBytes(module.memoryType(0)) : 0;
    var functions = module.module().functions();
    classIndex = new int[functions.size()];
    catching = new byte[functions.size()];
    List<Integer> starts = new ArrayList<>();
    long code = 0;
    for (int d = 0; d < functions.size(); d++) {
      int size = functions.get(d).body().code().length();
      if (starts.isEmpty()
          || d - starts.get(starts.size() - 1) >= FUNCTIONS_PER_CLASS
          || code + size > CODE_PER_CLASS && d > starts.get(starts.size() - 1)) {
        starts.add(d);
        code = 0;
      }
      code += size;
      classIndex[d] = starts.size() - 1;
    }
    starts.add(functions.size());
    classStart = starts.stream().mapToInt(Integer::intValue).toArray();
    for (int d = 0; d < functions.size(); d++) {
      FuncType type = module.functionType(importedFunctions + d);
      if (JvmTypes.takesArguments(type)) {
        functionsByDescriptor
            .computeIfAbsent(JvmTypes.descriptor(type), t -> new ArrayList<>())
            .add(d);
      }
      compiled.set(d);
    }
  }

  /** Returns whether a call of function {@code index} can be a direct JVM call. */
  boolean callsDirectly(int index) {
    return index >= importedFunctions
        && compiled.get(index - importedFunctions)
        && JvmTypes.takesArguments(module.functionType(index));
  }

  /**
   * Returns whether some compiled function of this module has type {@code type}, so that a call
   * through a table or a reference can switch to it directly.
   */
  boolean hasCompiledFunctionOf(FuncType type) {
    if (!JvmTypes.takesArguments(type)) {
      return false; // called through the machine's slots
    }
    for (int d : functionsByDescriptor.getOrDefault(JvmTypes.descriptor(type), List.of())) {
      if (compiled.get(d)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether defined function {@code defined} has a {@code try_table} or {@code try}, found
   * once per function (its methods are emitted several times).
   */
  boolean catches(int defined) {
    if (catching[defined] == 0) {
      boolean c = ExceptionEmitter.catches(module.module().functions().get(defined));
      catching[defined] = (byte) (c ? 2 : 1);
    }
    return catching[defined] == 2;
  }

  /** Returns the type of tag {@code tag} (imported or defined): its parameters are its values. */
  FuncType tagType(int tag) {
    if (tagTypes == null) {
      WasmModule m = module.module();
      int[] types = new int[m.tagCount()];
      int k = 0;
      for (Import i : m.imports()) {
        if (i.desc() instanceof ImportDesc.Tag t) {
          types[k++] = t.typeIndex();
        }
      }
      for (var t : m.tags()) {
        types[k++] = t.typeIndex();
      }
      tagTypes = types;
    }
    return module.type(tagTypes[tag]);
  }

  /**
   * Returns the compiled functions whose type has the JVM descriptor of {@code type}, by defined
   * index, ascending.
   */
  List<Integer> compiledFunctionsOf(FuncType type) {
    List<Integer> all = functionsByDescriptor.getOrDefault(JvmTypes.descriptor(type), List.of());
    List<Integer> compiledOnes = new ArrayList<>(all.size());
    for (int d : all) {
      if (compiled.get(d)) {
        compiledOnes.add(d);
      }
    }
    return compiledOnes;
  }

  /**
   * Returns the dispatch method for {@code type}, one per JVM descriptor, recording that the
   * dispatch class needs it.
   */
  String dispatchMethod(FuncType type) {
    FuncType first = dispatchTypes.computeIfAbsent(JvmTypes.descriptor(type), d -> type);
    return dispatchMethods.computeIfAbsent(first, t -> "t" + dispatchMethods.size());
  }

  /** Returns the dispatch methods needed so far, by function type. */
  Map<FuncType, String> dispatchMethods() {
    return dispatchMethods;
  }

  /** Returns the internal name of the class holding the dispatch methods. */
  String dispatchClass() {
    return classPrefix + "Dispatch";
  }

  /** Returns the internal name of the class holding defined function {@code definedIndex}. */
  String classOf(int definedIndex) {
    return className(classIndex[definedIndex]);
  }

  /** Returns the internal name of function class {@code k}. */
  String className(int k) {
    return classPrefix + "F" + k;
  }

  /** Returns the first defined function of class {@code k}. */
  int classStart(int k) {
    return classStart[k];
  }

  /** Returns the internal name of the class that implements {@code CompiledModule}. */
  String entryClass() {
    return classPrefix + "Entry";
  }

  /** Returns the name of the method compiled from defined function {@code definedIndex}. */
  static String methodOf(int definedIndex) {
    return "f" + definedIndex;
  }

  /** Returns the number of classes holding functions. */
  int functionClassCount() {
    return classStart.length - 1;
  }
}
