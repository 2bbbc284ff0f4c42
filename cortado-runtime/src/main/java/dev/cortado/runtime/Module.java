package dev.cortado.runtime;

import dev.cortado.runtime.internal.compiled.CompileRequest;
import dev.cortado.runtime.internal.compiled.CompiledFrames;
import dev.cortado.runtime.internal.compiled.CompiledModule;
import dev.cortado.runtime.internal.compiled.Compilers;
import dev.cortado.runtime.internal.compiled.DigestMemo;
import dev.cortado.runtime.internal.compiled.Precompiled;
import dev.cortado.runtime.internal.compiled.Tier;
import dev.cortado.runtime.internal.compiled.ValidationRecord;
import dev.cortado.runtime.internal.interp.ModuleCode;
import dev.cortado.runtime.internal.store.RuntimeType;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.ElementSegment;
import dev.cortado.wasm.Export;
import dev.cortado.wasm.Expression;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.InvalidException;
import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.WasmModule;
import dev.cortado.wasm.WasmVersion;
import dev.cortado.wasm.binary.ModuleDecoder;
import dev.cortado.wasm.binary.ModuleEncoder;
import dev.cortado.wasm.internal.FileStamp;
import dev.cortado.wasm.internal.KnownValid;
import dev.cortado.wasm.internal.ModelAccess;
import dev.cortado.wasm.text.TextParser;
import dev.cortado.wasm.valid.ValidatedModule;
import dev.cortado.wasm.valid.Validator;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A validated module, ready to instantiate any number of times in any store of its engine.
 * Immutable and thread-safe; its functions are prepared for the interpreter on first call and
 * shared by all its instances. With the {@link ExecutionEngine#COMPILER compiler}, its JVM code
 * comes from classes precompiled for it on the class path if there are any, else from the engine's
 * {@linkplain EngineConfig#codeCache() code cache}, else from the compiler.
 */
public final class Module {

  private final Engine engine;
  private final ValidatedModule validated;
  private final ModuleCode code;
  private final Tier tier;
  private final int[] typeIds;
  private final RuntimeType[] runtimeTypes;
  // The data segments applied ahead (computed when first asked for; null until then).
  private volatile Optional<DataImage> dataImage;
  private volatile Map<String, Integer> exportIndex;
  private volatile int[][] elementFunctions;
  // Whether the module was instantiated before: only then is an image worth building.
  private final java.util.concurrent.atomic.AtomicBoolean instantiated =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * @param moduleSha256 the SHA-256 of the module's binary, asked for only when the module is
   *     compiled
   */
  private Module(Engine engine, ValidatedModule validated, Supplier<String> moduleSha256) {
    this.engine = engine;
    this.validated = validated;
    this.typeIds = engine.typeIds(validated.module().recGroups());
    this.runtimeTypes = engine.runtimeTypes(validated.module().recGroups(), typeIds);
    this.code = new ModuleCode(validated, typeIds);
    ExecutionEngine kind = engine.config().executionEngine();
    Supplier<CompiledModule> compile =
        () -> {
          String sha256 = moduleSha256.get();
          Optional<CompiledModule> precompiled =
              engine.config().precompiledCode() ? Precompiled.find(sha256) : Optional.empty();
          CompiledModule c =
              precompiled.orElseGet(
                  () ->
                      Compilers.find()
                          .compile(
                              new CompileRequest(validated, sha256, engine.config().codeCache())));
          // Trap stack traces name generated frames by their classes' package.
          CompiledFrames.register(c.getClass().getPackageName(), validated.module());
          return c;
        };
    this.tier =
        switch (kind) {
          case INTERPRETER -> null;
          case COMPILER -> Tier.compiledNow(compile);
          case AUTO ->
              codeSize(validated) <= engine.config().compileFirstBelow()
                  ? Tier.compiledNowOrLater(compile)
                  : Tier.later(compile);
        };
  }

  /**
   * Binaries this large are hashed to find their {@link ValidationRecord} even the first time they
   * are read: a 48 MB binary is decoded and validated in about a second with a cold JIT, hashed in
   * a tenth of that. A smaller one is looked up only when its digest is remembered ({@link
   * DigestMemo}), which costs no hashing.
   */
  private static final int RECORDED_FROM_BYTES = 1 << 20;

  private static long codeSize(ValidatedModule validated) {
    long n = 0;
    for (var f : validated.module().functions()) {
      n += f.body().code().length();
    }
    return n;
  }

  /**
   * Returns the SHA-256 of {@code binary}: the one remembered for its file in {@code cache} when
   * the file has not changed, else computed (and remembered for next time).
   */
  private static String remembered(Optional<Path> cache, Bytes binary) {
    Optional<FileStamp> source = ModelAccess.bytes().source(binary);
    if (cache.isEmpty() || source.isEmpty()) {
      return sha256(binary);
    }
    Optional<String> known = DigestMemo.find(cache.get(), source.get());
    return known.isPresent() ? known.get() : hashed(cache.get(), source, binary);
  }

  /** Returns the SHA-256 of {@code binary}, remembered in {@code cache} if it came from a file. */
  private static String hashed(Path cache, Optional<FileStamp> source, Bytes binary) {
    String sha256 = sha256(binary);
    source.ifPresent(s -> DigestMemo.record(cache, s, sha256, DigestMemo.now()));
    return sha256;
  }

  private static String sha256(Bytes bytes) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          ModelAccess.bytes().array(bytes), ModelAccess.bytes().offset(bytes), bytes.length());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * Decodes and validates a module in the binary format.
   *
   * @throws MalformedException if the bytes are not a well-formed module
   * @throws InvalidException if the module is not valid
   */
  public static Module compile(Engine engine, byte[] binary) {
    return compile(engine, Bytes.of(Objects.requireNonNull(binary, "binary")));
  }

  /**
   * Decodes and validates a module in the binary format, without copying {@code binary} (see {@link
   * Bytes#read}).
   *
   * @throws MalformedException if the bytes are not a well-formed module
   * @throws InvalidException if the module is not valid
   */
  public static Module compile(Engine engine, Bytes binary) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(binary, "binary");
    Optional<Path> cache = engine.config().codeCache();
    if (cache.isEmpty() || engine.config().wasmVersion() != WasmVersion.WASM_3_0) {
      return new Module(engine, decodeAndValidate(engine, binary), () -> remembered(cache, binary));
    }
    // A file read unchanged since its digest was remembered is not hashed again.
    Optional<FileStamp> source = ModelAccess.bytes().source(binary);
    Optional<String> remembered = source.flatMap(s -> DigestMemo.find(cache.get(), s));
    if (remembered.isEmpty() && binary.length() < RECORDED_FROM_BYTES) {
      // A small binary not known yet is decoded and validated in full, and hashed only if compiled
      // code is looked for (hashing a 120 KB module takes ~15 ms of a cold start). Then, if it came
      // from a file, its digest is remembered and the binary recorded as valid: a later run of the
      // unchanged file skips validating its bodies up front (8-9 ms of a 120 KB module's start).
      ValidatedModule validated = decodeAndValidate(engine, binary);
      return new Module(
          engine,
          validated,
          () -> {
            String sha256 = hashed(cache.get(), source, binary);
            if (source.isPresent()) {
              ValidationRecord.add(cache.get(), sha256);
            }
            return sha256;
          });
    }
    // A large binary not remembered is hashed on another core while it is decoded (a remembered one
    // needs no future: its class and the common pool's are not loaded).
    CompletableFuture<String> hashing =
        remembered.isPresent() ? null : CompletableFuture.supplyAsync(() -> sha256(binary));
    WasmModule known;
    try {
      known = KnownValid.decode(binary);
    } catch (MalformedException e) {
      // Without checking bodies first this may not be the error a full decode reports first.
      if (hashing != null) {
        hashing.cancel(false);
      }
      decodeAndValidate(engine, binary);
      throw e;
    }
    String sha256;
    if (hashing == null) {
      sha256 = remembered.get();
    } else {
      sha256 = hashing.join();
      source.ifPresent(s -> DigestMemo.record(cache.get(), s, sha256, DigestMemo.now()));
    }
    ValidatedModule validated;
    if (ValidationRecord.has(cache.get(), sha256)) {
      validated = KnownValid.validate(known);
    } else {
      KnownValid.checkBodies(known);
      validated = validate(engine, known);
      ValidationRecord.add(cache.get(), sha256);
    }
    return new Module(engine, validated, () -> sha256);
  }

  private static ValidatedModule validate(Engine engine, WasmModule module) {
    EngineConfig c = engine.config();
    return Validator.validate(module, c.parallelValidation(), c.wasmVersion());
  }

  private static ValidatedModule decodeAndValidate(Engine engine, Bytes binary) {
    return validate(engine, ModuleDecoder.decode(binary, engine.config().wasmVersion()));
  }

  /**
   * Validates a decoded or parsed module.
   *
   * @throws InvalidException if the module is not valid
   */
  public static Module compile(Engine engine, WasmModule module) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(module, "module");
    return new Module(
        engine,
        validate(engine, module),
        () -> sha256(ModelAccess.wrap(ModuleEncoder.encode(module))));
  }

  /**
   * Parses and validates a module in the text format ({@code .wat}).
   *
   * @throws MalformedException if the text is not a well-formed module
   * @throws InvalidException if the module is not valid
   */
  public static Module compileText(Engine engine, String wat) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(wat, "wat");
    return compile(engine, TextParser.parseModule(wat, engine.config().wasmVersion()));
  }

  /**
   * Returns the data image to initialize a new instance with: none for the module's first instance
   * (a program instantiated once would build it for nothing), then the image, computed once.
   */
  Optional<DataImage> dataImageForInstance() {
    return instantiated.getAndSet(true) ? dataImage() : Optional.empty();
  }

  /** Returns the module's data image, computing it on first use. */
  Optional<DataImage> dataImage() {
    Optional<DataImage> image = dataImage;
    if (image == null) {
      image = DataImage.of(validated.module());
      dataImage = image;
    }
    return image;
  }

  /** Returns the engine the module was compiled with. */
  public Engine engine() {
    return engine;
  }

  /**
   * Returns, for each element segment, the functions its items refer to when every item is {@code
   * ref.func} alone (null for a segment with other items): decoded once, where every instantiation
   * evaluated each item again (a component's table of lowered functions is such a segment,
   * instantiated at every request in a server).
   */
  int[][] elementFunctions() {
    int[][] functions = elementFunctions;
    if (functions == null) {
      List<ElementSegment> segments = validated.module().elements();
      functions = new int[segments.size()][];
      for (int i = 0; i < functions.length; i++) {
        functions[i] = refFuncs(segments.get(i).items());
      }
      elementFunctions = functions;
    }
    return functions;
  }

  /** Returns the functions {@code items} refer to if each is {@code ref.func} alone, else null. */
  private static int[] refFuncs(List<Expression> items) {
    int[] indices = new int[items.size()];
    for (int k = 0; k < indices.length; k++) {
      indices[k] = ConstantEvaluator.refFunc(items.get(k));
      if (indices[k] < 0) {
        return null;
      }
    }
    return indices;
  }

  /**
   * Returns the position of export {@code name} among the exports, or -1: each instance keeps its
   * exports in that order, found through this one map per module.
   */
  int exportIndex(String name) {
    Map<String, Integer> index = exportIndex;
    if (index == null) {
      List<Export> exports = exports();
      // Filled, then published, and never changed after.
      HashMap<String, Integer> m = HashMap.newHashMap(exports.size());
      for (int i = 0; i < exports.size(); i++) {
        m.put(exports.get(i).name(), i);
      }
      index = m;
      exportIndex = index;
    }
    Integer i = index.get(name);
    return i == null ? -1 : i;
  }

  /** Returns the module's definition. */
  public WasmModule definition() {
    return validated.module();
  }

  /** Returns the imports an instantiation must satisfy, in order. */
  public List<Import> imports() {
    return validated.module().imports();
  }

  /** Returns the exports. */
  public List<Export> exports() {
    return validated.module().exports();
  }

  ValidatedModule validated() {
    return validated;
  }

  ModuleCode code() {
    return code;
  }

  /** Returns the engine's type id of each of the module's types, by type index. */
  int[] typeIds() {
    return typeIds;
  }

  RuntimeType[] runtimeTypes() {
    return runtimeTypes;
  }

  /** Returns the module's compiled tier, or null when it runs in the interpreter only. */
  Tier tier() {
    return tier;
  }
}
