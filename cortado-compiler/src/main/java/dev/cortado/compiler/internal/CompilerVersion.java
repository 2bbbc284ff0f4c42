package dev.cortado.compiler.internal;

import dev.cortado.wasm.internal.BuildFacts;
import dev.cortado.wasm.internal.OwnJar;
import java.io.IOException;
import java.util.List;

/** The version of the code this compiler generates, part of every code cache key. */
final class CompilerVersion {
  /**
   * Bump with every change to the generated classes (an emitter, a naming scheme, {@link
   * ModuleContext#FUNCTIONS_PER_CLASS}), so that caches built by an older compiler are not used.
   */
  static final int CODEGEN = 25;

  /**
   * The options that change generated code, as text in the key (sorted {@code name=value} pairs),
   * so caches of other settings stay apart: the method size limit functions are cut at.
   */
  static final String OPTIONS = "methodLimit=" + MethodLimit.LIMIT;

  /**
   * The emitters' class files, by name: read as resources, so that a run whose code comes from the
   * cache loads none of them (nor ASM, whose Java 5 class files the CDS archive cannot hold).
   * {@code CompilerVersionTest} checks that every name is a class of this package.
   */
  static final List<String> EMITTER_CLASSES =
      List.of(
          "ModuleEmitter",
          "FunctionEmitter",
          "ReturnEmitter",
          "DeepStackEmitter",
          "CallEmitter",
          "DispatchEmitter",
          "NumericEmitter",
          "MemoryEmitter",
          "MemoryGrowth",
          "AtomicEmitter",
          "WideEmitter",
          "GcEmitter",
          "MethodLocals",
          "ModuleClasses",
          "ModuleContext",
          "VectorScan",
          "FunctionSplitter",
          "SplitPlanner",
          "RepeatedCallees",
          "FunctionShape",
          "BlockStructure",
          "LocalLiveness",
          "SplitPlan",
          "DeepStack",
          "Piece",
          "PieceCall",
          "Frame",
          "SizeCounter",
          "VectorRegisters",
          "SimdEmitter",
          "SimdMemoryEmitter",
          "SimdVariables",
          "SimdMethods",
          "BranchTables",
          "VariableEmitter",
          "Control",
          "ControlEmitter",
          "ExceptionEmitter",
          "ReferenceEmitter",
          "Slots",
          "Constants",
          "JvmTypes");

  /**
   * A checksum of the emitters' own class files, also part of every key: a build that changes code
   * generation without bumping {@link #CODEGEN} (a snapshot, a forgotten bump) still gets keys of
   * its own, so a stale entry is never loaded ({@link OwnJar#classesChecksum}: from the jar's
   * directory, which costs no reading of the classes; reading and hashing their 220 KB took 30 ms
   * of every start), or the launcher's {@link BuildFacts}, which costs no jar.
   */
  static final String EMITTERS = BuildFacts.get("emitters", CompilerVersion::emittersChecksum);

  private static String emittersChecksum() {
    try {
      return OwnJar.classesChecksum(CompilerVersion.class, EMITTER_CLASSES);
    } catch (IOException | RuntimeException e) {
      // Without the checksum the key still has CODEGEN; a unique value keeps entries apart.
      return "unknown-" + System.nanoTime();
    }
  }

  private CompilerVersion() {}
}
