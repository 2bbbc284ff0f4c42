package dev.cortado.runtime;

import dev.cortado.wasm.WasmVersion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** How an {@link Engine} compiles modules. Immutable: each {@code withX} returns a changed copy. */
public final class EngineConfig {
  private static final EngineConfig DEFAULTS =
      new EngineConfig(
          true,
          ExecutionEngine.AUTO,
          false,
          1L << 20,
          CacheChoice.DEFAULT,
          Path.of(""),
          WasmVersion.WASM_3_0,
          true);

  private enum CacheChoice {
    DEFAULT,
    FOLDER,
    OFF
  }

  private final boolean parallelValidation;
  private final ExecutionEngine executionEngine;
  private final boolean eagerTierUp;
  private final long compileFirstBelow;
  private final CacheChoice cacheChoice;
  private final Path cacheFolder;
  private final WasmVersion wasmVersion;
  private final boolean precompiledCode;

  private EngineConfig(
      boolean parallelValidation,
      ExecutionEngine executionEngine,
      boolean eagerTierUp,
      long compileFirstBelow,
      CacheChoice cacheChoice,
      Path cacheFolder,
      WasmVersion wasmVersion,
      boolean precompiledCode) {
    this.parallelValidation = parallelValidation;
    this.executionEngine = executionEngine;
    this.eagerTierUp = eagerTierUp;
    this.compileFirstBelow = compileFirstBelow;
    this.cacheChoice = cacheChoice;
    this.cacheFolder = cacheFolder;
    this.wasmVersion = wasmVersion;
    this.precompiledCode = precompiledCode;
  }

  /**
   * Returns the defaults: validation of large modules uses every core; code runs tiered ({@link
   * ExecutionEngine#AUTO}), or only in the interpreter when the compiler is not on the class path;
   * compiled code is cached in {@linkplain #defaultCodeCache() the user's cache folder}.
   */
  public static EngineConfig defaults() {
    return DEFAULTS;
  }

  /**
   * Returns the edition of the WebAssembly standard that modules are parsed and validated by:
   * {@link WasmVersion#WASM_3_0} unless chosen otherwise.
   */
  public WasmVersion wasmVersion() {
    return wasmVersion;
  }

  /**
   * Returns a copy that parses and validates modules by edition {@code version} of the standard
   * (for example {@link WasmVersion#WASM_2_0}, to check that modules stay within 2.0).
   */
  public EngineConfig withWasmVersion(WasmVersion version) {
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eagerTierUp,
        compileFirstBelow,
        cacheChoice,
        cacheFolder,
        Objects.requireNonNull(version, "version"),
        precompiledCode);
  }

  /** Returns whether function bodies of large modules are validated in parallel. */
  public boolean parallelValidation() {
    return parallelValidation;
  }

  /** Returns a copy that validates in parallel or not. */
  public EngineConfig withParallelValidation(boolean parallel) {
    return new EngineConfig(
        parallel,
        executionEngine,
        eagerTierUp,
        compileFirstBelow,
        cacheChoice,
        cacheFolder,
        wasmVersion,
        precompiledCode);
  }

  /** Returns which engine runs the functions of modules compiled with this configuration. */
  public ExecutionEngine executionEngine() {
    return executionEngine;
  }

  /** Returns a copy whose modules run on {@code engine}. */
  public EngineConfig withExecutionEngine(ExecutionEngine engine) {
    return new EngineConfig(
        parallelValidation,
        Objects.requireNonNull(engine, "engine"),
        eagerTierUp,
        compileFirstBelow,
        cacheChoice,
        cacheFolder,
        wasmVersion,
        precompiledCode);
  }

  /**
   * Returns whether {@link ExecutionEngine#AUTO} starts compiling a module in the background as
   * soon as it is instantiated, rather than once a store running it has run for a while.
   */
  public boolean eagerTierUp() {
    return eagerTierUp;
  }

  /** Returns a copy that tiers up eagerly or not (see {@link #eagerTierUp()}). */
  public EngineConfig withEagerTierUp(boolean eager) {
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eager,
        compileFirstBelow,
        cacheChoice,
        cacheFolder,
        wasmVersion,
        precompiledCode);
  }

  /**
   * Returns the size of function code (bytes of the code section's bodies) up to which {@link
   * ExecutionEngine#AUTO} compiles a module before it first runs, as {@code COMPILER} does (from
   * the code cache when it has the module): the interpreter cannot move a running loop into
   * compiled code, so a program whose work happens in a function that is already running gains only
   * from code compiled up front. Larger modules start in the interpreter at once and compile in the
   * background. Default 1 MiB.
   */
  public long compileFirstBelow() {
    return compileFirstBelow;
  }

  /** Returns a copy with {@link #compileFirstBelow()} set to {@code codeBytes} (0: never). */
  public EngineConfig withCompileFirstBelow(long codeBytes) {
    if (codeBytes < 0) {
      throw new IllegalArgumentException("code size must not be negative: " + codeBytes);
    }
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eagerTierUp,
        codeBytes,
        cacheChoice,
        cacheFolder,
        wasmVersion,
        precompiledCode);
  }

  /**
   * Returns the folder where the {@link ExecutionEngine#COMPILER compiler} keeps the classes it
   * generates, keyed by each module's SHA-256, so that compiling the same module again (in this or
   * another process) loads them instead; empty when the cache is off. A damaged entry is rebuilt,
   * and a cache that cannot be written only costs the time to compile.
   */
  public Optional<Path> codeCache() {
    return switch (cacheChoice) {
      case DEFAULT -> Optional.of(defaultCodeCache());
      case FOLDER -> Optional.of(cacheFolder);
      case OFF -> Optional.empty();
    };
  }

  /** Returns a copy that caches compiled code in {@code folder} (created when needed). */
  public EngineConfig withCodeCache(Path folder) {
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eagerTierUp,
        compileFirstBelow,
        CacheChoice.FOLDER,
        Objects.requireNonNull(folder, "folder"),
        wasmVersion,
        precompiledCode);
  }

  /** Returns a copy that neither reads nor writes a code cache: every module is compiled anew. */
  public EngineConfig withoutCodeCache() {
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eagerTierUp,
        compileFirstBelow,
        CacheChoice.OFF,
        Path.of(""),
        wasmVersion,
        precompiledCode);
  }

  /**
   * Returns whether a module first looks on the class path for classes compiled ahead of time
   * ({@code cortado compile -o}, the Maven plugin's {@code compile} goal) before compiling it or
   * reading the code cache. True by default.
   */
  public boolean precompiledCode() {
    return precompiledCode;
  }

  /**
   * Returns a copy that never looks for precompiled classes on the class path. The look-up asks
   * every jar of the class path for a resource, which costs tens of milliseconds of a cold start
   * with many jars; an application that ships no precompiled modules (the {@code cortado} command)
   * turns it off.
   */
  public EngineConfig withoutPrecompiledCode() {
    return new EngineConfig(
        parallelValidation,
        executionEngine,
        eagerTierUp,
        compileFirstBelow,
        cacheChoice,
        cacheFolder,
        wasmVersion,
        false);
  }

  /**
   * Returns the default code cache folder: {@code $CORTADO_CACHE_DIR} when set, else {@code
   * $XDG_CACHE_HOME/cortado/code}, else {@code ~/.cache/cortado/code}.
   */
  public static Path defaultCodeCache() {
    String own = System.getenv("CORTADO_CACHE_DIR");
    if (own != null && !own.isBlank()) {
      return Path.of(own);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("cortado").resolve("code");
  }
}
