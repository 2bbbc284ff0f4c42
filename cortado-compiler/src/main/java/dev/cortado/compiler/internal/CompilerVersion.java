package dev.cortado.compiler.internal;

import dev.cortado.wasm.internal.OwnJar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
   * its own, so a stale entry is never loaded. It tells builds apart, it does not stand against an
   * attacker (who could write the cache anyway): a CRC-32 over each class file's CRC-32 and size as
   * the compiler's jar lists them in its directory, which costs no reading of the classes (reading
   * and hashing their 220 KB took 30 ms of every start); from a folder of classes (tests), a CRC-32
   * of the files themselves.
   */
  static final String EMITTERS = emittersChecksum();

  private static String emittersChecksum() {
    try {
      Optional<Path> jar = OwnJar.of(CompilerVersion.class);
      if (jar.isPresent()) {
        try (ZipFile zip = new ZipFile(jar.get().toFile())) {
          return jarChecksum(zip, CompilerVersion.class.getPackageName().replace('.', '/') + "/");
        }
      }
      return classesChecksum();
    } catch (IOException | RuntimeException e) {
      // Without the checksum the key still has CODEGEN; a unique value keeps entries apart.
      return "unknown-" + System.nanoTime();
    }
  }

  /** The checksum from the directory of {@code zip}, whose entries are under {@code folder}. */
  static String jarChecksum(ZipFile zip, String folder) {
    CRC32 crc = new CRC32();
    ByteBuffer b = ByteBuffer.allocate(16);
    long length = 0;
    for (String name : EMITTER_CLASSES) {
      ZipEntry e = zip.getEntry(folder + name + ".class");
      b.clear();
      if (e == null || e.getCrc() < 0 || e.getSize() < 0) {
        // A class renamed without this list: still a key of its own, never a stale entry.
        crc.update(("missing " + name).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      b.putLong(e.getCrc()).putLong(e.getSize()).flip();
      crc.update(b);
      length += e.getSize();
    }
    return "jar-" + Long.toHexString(crc.getValue()) + "-" + length;
  }

  private static String classesChecksum() throws IOException {
    CRC32 crc = new CRC32();
    long length = 0;
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
  }

  private CompilerVersion() {}
}
