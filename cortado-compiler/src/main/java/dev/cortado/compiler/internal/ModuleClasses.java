package dev.cortado.compiler.internal;

import dev.cortado.compiler.CompileProgress;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A module's generated classes: what the compiler emits, the code cache stores and precompiled jars
 * carry.
 *
 * @param entryClass the internal name of the class extending {@code CompiledModule}
 * @param compiled the defined functions that were compiled (its constructor's argument)
 * @param classes the class files by internal name
 */
record ModuleClasses(String entryClass, BitSet compiled, Map<String, byte[]> classes) {
  ModuleClasses {
    compiled = (BitSet) compiled.clone();
    classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
    if (!classes.containsKey(entryClass)) {
      throw new IllegalArgumentException("no entry class " + entryClass);
    }
  }

  /** Returns the prefix generated class names of the module with SHA-256 {@code sha256} share. */
  static String classPrefix(String sha256) {
    // Named by the module's digest, so that cached and precompiled classes are the same classes
    // whoever compiled them; 96 bits keep names short and distinct.
    return "dev/cortado/generated/h" + sha256.substring(0, 24) + "/";
  }

  /** Emits the classes of {@code module}. */
  static ModuleClasses emit(dev.cortado.wasm.valid.ValidatedModule module, String sha256) {
    return emit(module, sha256, CompileProgress.none());
  }

  /** Emits the classes of {@code module}, telling {@code progress} how far it has come. */
  static ModuleClasses emit(
      dev.cortado.wasm.valid.ValidatedModule module, String sha256, CompileProgress progress) {
    ModuleContext mc = new ModuleContext(module, classPrefix(sha256));
    Map<String, byte[]> classes = new ModuleEmitter(mc, progress).emit();
    return new ModuleClasses(mc.entryClass(), mc.compiled, classes);
  }

  /** Returns the total size of the class files in bytes. */
  long byteSize() {
    long n = 0;
    for (byte[] b : classes.values()) {
      n += b.length;
    }
    return n;
  }
}
