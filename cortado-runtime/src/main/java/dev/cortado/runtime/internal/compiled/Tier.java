package dev.cortado.runtime.internal.compiled;

import dev.cortado.wasm.internal.LazyLogger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The compiled tier of one module: absent until compiled, then shared by all its instances. With
 * the {@code AUTO} engine the module starts in the interpreter and is compiled in the background
 * once a store running it proves long-running; calls made after that run compiled code, while
 * frames already running in the interpreter finish there.
 */
public final class Tier {
  private static final System.Logger LOG = LazyLogger.of(Tier.class);

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

  private final Supplier<CompiledModule> compiler;
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile CompiledModule code;

  private Tier(Supplier<CompiledModule> compiler, CompiledModule code) {
    this.compiler = compiler;
    this.code = code;
    if (code != null) {
      started.set(true);
    }
  }

  /**
   * Returns the tier of a module compiled before it runs ({@code COMPILER}) by {@code compiler}
   * (precompiled code, the code cache, or the compiler).
   */
  public static Tier compiledNow(Supplier<CompiledModule> compiler) {
    return new Tier(compiler, compiler.get());
  }

  /**
   * Returns the tier of a module compiled before it runs if a compiler (or precompiled code) is
   * there and compiling succeeds; else one that stays in the interpreter ({@code AUTO}, small
   * modules).
   */
  public static Tier compiledNowOrLater(Supplier<CompiledModule> compiler) {
    Tier t = new Tier(compiler, null);
    t.started.set(true);
    t.compile();
    return t;
  }

  /**
   * Returns the tier of a module that starts in the interpreter ({@code AUTO}); without a compiler
   * on the class path it stays there.
   */
  public static Tier later(Supplier<CompiledModule> compiler) {
    return new Tier(compiler, null);
  }

  /** Returns the compiled code, or null while the module runs in the interpreter. */
  public CompiledModule code() {
    return code;
  }

  /** Starts compiling in the background, once; code switches over when it is ready. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      BACKGROUND.execute(this::compile);
    }
  }

  private void compile() {
    try {
      code = compiler.get();
    } catch (CompilationException e) {
      if (Compilers.available()) {
        failed(e);
      }
    } catch (RuntimeException | LinkageError | OutOfMemoryError e) {
      // The interpreter keeps running the module: slower, but correct.
      failed(e);
    }
  }

  /** Says in one line that compiling failed; the stack trace only at debug level. */
  private static void failed(Throwable e) {
    LOG.log(
        System.Logger.Level.WARNING,
        "compiling a module failed; it stays interpreted: {0} (please report it)",
        e);
    LOG.log(System.Logger.Level.DEBUG, "compiling a module failed", e);
  }
}
