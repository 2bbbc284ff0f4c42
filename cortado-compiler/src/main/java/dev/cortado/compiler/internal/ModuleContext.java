package dev.cortado.compiler.internal;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.BitSet;

/** What compiling one function needs to know of its module: types, and where functions live. */
final class ModuleContext {
  /** Functions per generated class: keeps each class's constant pool and entry bridge small. */
  static final int FUNCTIONS_PER_CLASS = 128;

  final ValidatedModule module;
  final String classPrefix;
  final int importedFunctions;
  final boolean hasMemory;

  /** The defined functions compiled; the others (using v128) run in the interpreter. */
  final BitSet compiled = new BitSet();

  ModuleContext(ValidatedModule module, String classPrefix) {
    this.module = module;
    this.classPrefix = classPrefix;
    this.importedFunctions = module.module().importedFunctionCount();
    this.hasMemory = module.module().memoryCount() > 0;
    var functions = module.module().functions();
    for (int d = 0; d < functions.size(); d++) {
      FuncType type = module.functionType(importedFunctions + d);
      if (!VectorScan.usesVectors(
          this, functions.get(d), module.functionInfo(d).localTypes(), type)) {
        compiled.set(d);
      }
    }
  }

  /** Returns whether a call of function {@code index} can be a direct JVM call. */
  boolean callsDirectly(int index) {
    return index >= importedFunctions && compiled.get(index - importedFunctions);
  }

  /** Returns the internal name of the class holding defined function {@code definedIndex}. */
  String classOf(int definedIndex) {
    return classPrefix + "F" + (definedIndex / FUNCTIONS_PER_CLASS);
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
    int n = module.module().functions().size();
    return (n + FUNCTIONS_PER_CLASS - 1) / FUNCTIONS_PER_CLASS;
  }
}
