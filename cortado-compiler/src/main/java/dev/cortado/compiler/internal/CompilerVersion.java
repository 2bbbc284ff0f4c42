package dev.cortado.compiler.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/** The version of the code this compiler generates, part of every code cache key. */
final class CompilerVersion {
  /**
   * Bump with every change to the generated classes (an emitter, a naming scheme, {@link
   * ModuleContext#FUNCTIONS_PER_CLASS}), so that caches built by an older compiler are not used.
   */
  static final int CODEGEN = 12;

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
          "CallEmitter",
          "DispatchEmitter",
          "NumericEmitter",
          "MemoryEmitter",
          "ModuleContext",
          "VectorScan",
          "FunctionSplitter",
          "SplitPlanner",
          "RepeatedCallees",
          "FunctionShape",
          "SplitPlan",
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
   * its own, so a stale entry is never loaded. A CRC-32 and the total length, not a SHA-256: it
   * tells builds apart, it does not stand against an attacker (who could write the cache anyway),
   * and hashing these 150 KB with SHA-256 in a cold JVM cost 30 ms of every start, and 35 ms more
   * of C2 compiling the hash.
   */
  static final String EMITTERS = emittersDigest();

  private static String emittersDigest() {
    CRC32 crc = new CRC32();
    long length = 0;
    try {
      for (String name : EMITTER_CLASSES) {
        try (InputStream in = CompilerVersion.class.getResourceAsStream(name + ".class")) {
          // A class renamed without this list: still a key of its own, never a stale entry.
          byte[] b =
              in == null ? ("missing " + name).getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
          crc.update(b);
          length += b.length;
        }
      }
      return Long.toHexString(crc.getValue()) + "-" + length;
    } catch (IOException e) {
      // Without the checksum the key still has CODEGEN; a unique value keeps entries apart.
      return "unknown-" + System.nanoTime();
    }
  }

  private CompilerVersion() {}
}
