package dev.cortado.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The version of the code this compiler generates, part of every code cache key. */
final class CompilerVersion {
  /**
   * Bump with every change to the generated classes (an emitter, a naming scheme, {@link
   * ModuleContext#FUNCTIONS_PER_CLASS}), so that caches built by an older compiler are not used.
   */
  static final int CODEGEN = 10;

  /**
   * The options that change generated code, as text in the key (sorted {@code name=value} pairs),
   * so caches of other settings stay apart: the method size limit functions are cut at.
   */
  static final String OPTIONS = "methodLimit=" + FunctionSplitter.LIMIT;

  /**
   * A digest of the emitters' own class files, also part of every key: a build that changes code
   * generation without bumping {@link #CODEGEN} (a snapshot, a forgotten bump) still gets keys of
   * its own, so a stale entry is never loaded.
   */
  static final String EMITTERS = emittersDigest();

  private static String emittersDigest() {
    Class<?>[] emitters = {
      ModuleEmitter.class,
      FunctionEmitter.class,
      CallEmitter.class,
      DispatchEmitter.class,
      NumericEmitter.class,
      MemoryEmitter.class,
      ModuleContext.class,
      VectorScan.class,
      FunctionSplitter.class,
      SplitPlanner.class,
      RepeatedCallees.class,
      FunctionShape.class,
      SplitPlan.class,
      Piece.class,
      PieceCall.class,
      Frame.class,
      SizeCounter.class,
      VectorRegisters.class,
      SimdEmitter.class,
      SimdMemoryEmitter.class,
      SimdVariables.class,
      SimdMethods.class,
      BranchTables.class,
      VariableEmitter.class,
      Control.class,
      ControlEmitter.class,
      ExceptionEmitter.class,
      ReferenceEmitter.class,
      Slots.class,
      Constants.class,
      JvmTypes.class
    };
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Class<?> c : emitters) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
          if (in != null) {
            sha.update(in.readAllBytes());
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 16);
    } catch (NoSuchAlgorithmException | IOException e) {
      // Without the digest the key still has CODEGEN; a unique value keeps entries apart.
      return "unknown-" + System.nanoTime();
    }
  }

  private CompilerVersion() {}
}
