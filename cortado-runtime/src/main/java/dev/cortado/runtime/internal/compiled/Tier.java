package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.valid.ValidatedModule;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/**
 * The compiled tier of one module: absent until compiled, then shared by all its instances. With
 * the {@code AUTO} engine the module starts in the interpreter and is compiled in the background
 * once a store running it proves long-running; calls made after that run compiled code, while
 * frames already running in the interpreter finish there.
 */
public final class Tier {
  private static final System.Logger LOG = System.getLogger(Tier.class.getName());

  /** One background compiler thread: compilation competes with running code for the cores. */
  private static final ThreadPoolExecutor BACKGROUND =
      new ThreadPoolExecutor(
          0,
          1,
          10,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "cortado-tier-up");
            t.setDaemon(true);
            return t;
          });

  private final ValidatedModule module;
  private final ToIntFunction<FuncType> typeIds;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile CompiledModule code;

  private Tier(ValidatedModule module, ToIntFunction<FuncType> typeIds, CompiledModule code) {
    this.module = module;
    this.typeIds = typeIds;
    this.code = code;
    if (code != null) {
      started.set(true);
    }
  }

  /** Returns the tier of a module compiled before it runs ({@code COMPILER}). */
  public static Tier compiledNow(ValidatedModule module, ToIntFunction<FuncType> typeIds) {
    return new Tier(module, typeIds, Compilers.find().compile(module, typeIds));
  }

  /**
   * Returns the tier of a module that starts in the interpreter ({@code AUTO}); without a compiler
   * on the class path it stays there.
   */
  public static Tier later(ValidatedModule module, ToIntFunction<FuncType> typeIds) {
    return new Tier(module, typeIds, null);
  }

  /** Returns the compiled code, or null while the module runs in the interpreter. */
  public CompiledModule code() {
    return code;
  }

  /** Starts compiling in the background, once; code switches over when it is ready. */
  public void start() {
    if (started.compareAndSet(false, true) && Compilers.available()) {
      BACKGROUND.execute(this::compile);
    }
  }

  private void compile() {
    try {
      code = Compilers.find().compile(module, typeIds);
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      // The interpreter keeps running the module: slower, but correct.
      LOG.log(System.Logger.Level.WARNING, "compiling a module failed; it stays interpreted", e);
    }
  }
}
