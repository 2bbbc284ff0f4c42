package dev.cortado.compiler.internal;

import dev.cortado.compiler.CompileProgress;
import dev.cortado.runtime.internal.compiled.CodeVersion;
import dev.cortado.runtime.internal.compiled.PrecompiledIndex;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.internal.TempFiles;
import dev.cortado.wasm.valid.Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** The work behind {@code dev.cortado.compiler.PrecompiledModule}: one module's classes, stored. */
public final class Precompilation {
  /** 1980-02-01, the earliest time a zip entry holds; fixed so that builds are reproducible. */
  private static final FileTime JAR_TIME = FileTime.fromMillis(315_532_800_000L + 86_400_000L * 31);

  private final String sha256;
  private final int functions;
  private final ModuleClasses classes;

  private Precompilation(String sha256, int functions, ModuleClasses classes) {
    this.sha256 = sha256;
    this.functions = functions;
    this.classes = classes;
  }

  /**
   * Validates and compiles {@code module}, whose binary is {@code binary}, telling {@code progress}
   * how far it has come.
   */
  public static Precompilation of(WasmModule module, byte[] binary, CompileProgress progress) {
    String sha256 = sha256(binary);
    return new Precompilation(
        sha256,
        module.functions().size(),
        ModuleClasses.emit(Validator.validate(module), sha256, progress));
  }

  /** Returns the module's SHA-256 in hex. */
  public String sha256() {
    return sha256;
  }

  /** Returns the number of generated classes. */
  public int classCount() {
    return classes.classes().size();
  }

  /** Returns the number of compiled functions. */
  public int compiledFunctions() {
    return classes.compiled().cardinality();
  }

  /** Returns the number of defined functions. */
  public int functions() {
    return functions;
  }

  /** Writes the cache entry to {@code folder} and returns its file. */
  public Path writeToCache(Path folder) throws IOException {
    return new CodeCache(folder).store(CacheKey.of(sha256), classes);
  }

  /** Writes a jar of the classes and their index, atomically replacing {@code jar}. */
  public void writeJar(Path jar) throws IOException {
    Path parent = jar.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = TempFiles.create(parent, ".tmp-" + jar.getFileName() + "-", ".jar");
    try {
      Manifest manifest = new Manifest();
      manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.getMainAttributes().putValue("Created-By", "Cortado " + CodeVersion.CORTADO);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(temp))) {
        JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
        m.setLastModifiedTime(JAR_TIME);
        out.putNextEntry(m);
        manifest.write(out);
        out.closeEntry();
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
          JarEntry e = new JarEntry(file.getKey());
          e.setLastModifiedTime(JAR_TIME);
          out.putNextEntry(e);
          out.write(file.getValue());
          out.closeEntry();
        }
      }
      move(temp, jar);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the classes and their index into the class folder {@code folder}. */
  public void writeClasses(Path folder) throws IOException {
    for (Map.Entry<String, byte[]> file : files().entrySet()) {
      Path target = folder.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      try (OutputStream out = Files.newOutputStream(target)) {
        out.write(file.getValue());
      }
    }
  }

  /** The files to ship, by path: the class files, then the index naming the entry class. */
  private Map<String, byte[]> files() {
    Map<String, byte[]> files = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, byte[]> c : classes.classes().entrySet()) {
      files.put(c.getKey() + ".class", c.getValue());
    }
    PrecompiledIndex index =
        new PrecompiledIndex(
            CodeVersion.CORTADO,
            CodeVersion.ABI,
            CompilerVersion.CODEGEN,
            classes.entryClass().replace('/', '.'),
            classes.compiled());
    files.put(
        PrecompiledIndex.resourceName(sha256), index.render().getBytes(StandardCharsets.UTF_8));
    return files;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
