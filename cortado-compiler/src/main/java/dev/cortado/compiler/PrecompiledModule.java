package dev.cortado.compiler;

import dev.cortado.compiler.internal.Precompilation;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A module compiled ahead of time to JVM classes, to store where Cortado finds them later: in a
 * code cache folder (what {@code cortado compile} fills), in a jar, or in a class folder (what the
 * Maven plugin fills). An application with such a jar or folder on its class path runs the module
 * as compiled code with {@code ExecutionEngine.COMPILER} even without the compiler on its class
 * path: the runtime finds the classes by the module's SHA-256 through the resource {@code
 * META-INF/cortado/compiled/<sha256>}.
 *
 * <p>The classes are for this build of Cortado only: a runtime of another version ignores them (and
 * compiles the module itself if it can).
 */
public final class PrecompiledModule {
  private final Precompilation compiled;

  private PrecompiledModule(Precompilation compiled) {
    this.compiled = compiled;
  }

  /**
   * Decodes, validates and compiles a module in the binary format. Its classes are found for
   * modules compiled from the same bytes.
   *
   * @throws dev.cortado.wasm.MalformedException if the bytes are not a well-formed module
   * @throws dev.cortado.wasm.InvalidException if the module is not valid
   */
  public static PrecompiledModule compile(byte[] binary) {
    return compile(binary, CompileProgress.none());
  }

  /**
   * Compiles a module in the binary format as {@link #compile(byte[])} does, telling {@code
   * progress} how far it has come.
   *
   * @throws dev.cortado.wasm.MalformedException if the bytes are not a well-formed module
   * @throws dev.cortado.wasm.InvalidException if the module is not valid
   */
  public static PrecompiledModule compile(byte[] binary, CompileProgress progress) {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(progress, "progress");
    return new PrecompiledModule(Precompilation.of(ModuleDecoder.decode(binary), binary, progress));
  }

  /**
   * Validates and compiles a decoded or parsed module. Its classes are found for modules with the
   * same binary encoding (a module from text: the same text).
   *
   * @throws dev.cortado.wasm.InvalidException if the module is not valid
   */
  public static PrecompiledModule compile(WasmModule module) {
    return compile(module, CompileProgress.none());
  }

  /**
   * Compiles a decoded or parsed module as {@link #compile(WasmModule)} does, telling {@code
   * progress} how far it has come.
   *
   * @throws dev.cortado.wasm.InvalidException if the module is not valid
   */
  public static PrecompiledModule compile(WasmModule module, CompileProgress progress) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(progress, "progress");
    return new PrecompiledModule(Precompilation.of(module, ModuleEncoder.encode(module), progress));
  }

  /** Returns the SHA-256 of the module's binary, in hex: what its classes are found by. */
  public String sha256() {
    return compiled.sha256();
  }

  /** Returns how many classes were generated. */
  public int classCount() {
    return compiled.classCount();
  }

  /** Returns how many of the module's defined functions were compiled (the rest interpret). */
  public int compiledFunctions() {
    return compiled.compiledFunctions();
  }

  /**
   * Stores the classes in the code cache in {@code cacheFolder} (see {@code
   * EngineConfig.codeCache()}), replacing any entry of this module, and returns the entry's file.
   *
   * @throws IOException if the entry cannot be written
   */
  public Path writeToCache(Path cacheFolder) throws IOException {
    return compiled.writeToCache(Objects.requireNonNull(cacheFolder, "cacheFolder"));
  }

  /**
   * Writes the classes and their index to a new jar {@code jar}, replacing the file atomically.
   * Entries carry a fixed time, so the same module gives the same jar.
   *
   * @throws IOException if the jar cannot be written
   */
  public void writeJar(Path jar) throws IOException {
    compiled.writeJar(Objects.requireNonNull(jar, "jar"));
  }

  /**
   * Writes the classes and their index into the class folder {@code folder} ({@code
   * target/classes}), for a build to package.
   *
   * @throws IOException if a file cannot be written
   */
  public void writeClasses(Path folder) throws IOException {
    compiled.writeClasses(Objects.requireNonNull(folder, "folder"));
  }
}
