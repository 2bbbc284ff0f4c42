package dev.cortado.wasi;

import dev.cortado.runtime.ExecutionInterruptedException;
import dev.cortado.runtime.Func;
import dev.cortado.runtime.Linker;
import dev.cortado.runtime.Memory;
import dev.cortado.runtime.Module;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.WasmValue;
import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import dev.cortado.wasm.ValType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * wasi-threads: {@code thread-spawn} from the {@code wasi} module, for programs built for {@code
 * wasm32-wasip1-threads} (their memory is shared and imported, and they export {@code
 * wasi_thread_start}).
 *
 * <p>Each spawned thread instantiates the module again, in a store of its own on a Java thread of
 * its own, with the same imports (the one shared memory, the same WASI world) and calls {@code
 * wasi_thread_start(id, start_arg)}. As in other runtimes, the threads are one process: {@code
 * proc_exit} or a trap in any thread ends the whole program, and the program ends when its main
 * thread returns from {@code _start}: {@link #close} then stops the threads still running. When a
 * thread ends the program, the main thread stops with {@link ExecutionInterruptedException}; {@link
 * #endingOr} gives what ended the program instead, to report it as the main thread's own.
 *
 * <pre>{@code
 * Linker linker = Linker.create();
 * wasi.addTo(linker);
 * WasiThreads threads = WasiThreads.addTo(linker, store, module);
 * try (threads) {
 *   linker.instantiate(store, module).func("_start").orElseThrow().call();
 * } catch (ExecutionInterruptedException e) {
 *   throw threads.endingOr(e); // a thread's proc_exit (WasiExitException) or trap
 * } // close: threads still running stop
 * }</pre>
 *
 * @see <a href="https://github.com/WebAssembly/wasi-threads">wasi-threads</a>
 */
public final class WasiThreads implements AutoCloseable {
  /** The module {@code thread-spawn} is imported from. */
  public static final String MODULE = "wasi";

  /** The function that spawns a thread: {@code (param i32 start_arg) (result i32 id)}. */
  public static final String SPAWN = "thread-spawn";

  /** The export a new thread starts in: {@code (param i32 id) (param i32 start_arg)}. */
  public static final String ENTRY = "wasi_thread_start";

  /** The most threads a program may have running at once, besides its main thread. */
  public static final int MAX_THREADS = 256;

  // Thread ids are positive and below 2^29 (wasi-libc keeps the top bits for its mutexes).
  private static final int MAX_ID = 0x1FFF_FFFF;

  // The JVM stack of a spawned thread: compiled code nests a JVM frame per WebAssembly call, and
  // 128 MiB reach thousands of calls deep (a recursion deeper than the thread's stack is a trap,
  // "call stack exhausted"); reserved, not committed, for each of up to MAX_THREADS threads.
  private static final long STACK_BYTES = 128L << 20;

  private final Linker linker;
  private final Store main;
  private final Module module;
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Set<Store> running = ConcurrentHashMap.newKeySet();
  // Spawned threads not yet ended, counted before they start so that MAX_THREADS is exact.
  private final AtomicInteger live = new AtomicInteger();
  private final AtomicReference<RuntimeException> ending = new AtomicReference<>();
  private volatile boolean closed;

  private WasiThreads(Linker linker, Store main, Module module) {
    this.linker = linker;
    this.main = main;
    this.module = module;
  }

  /** Returns whether {@code module} imports {@code thread-spawn}, that is uses wasi-threads. */
  public static boolean isUsedBy(Module module) {
    return usesThreads(module.imports());
  }

  /**
   * Returns whether {@link #addTo} defines import {@code imp} of a module with {@code imports}:
   * {@code thread-spawn} itself, and the shared memories of a module that imports it.
   */
  public static boolean provides(List<Import> imports, Import imp) {
    return usesThreads(imports)
        && (isSpawn(imp) || imp.desc() instanceof ImportDesc.Memory m && m.type().shared());
  }

  private static boolean usesThreads(List<Import> imports) {
    for (Import imp : imports) {
      if (isSpawn(imp)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpawn(Import imp) {
    return imp.module().equals(MODULE) && imp.name().equals(SPAWN);
  }

  /**
   * Defines {@code thread-spawn} in {@code linker} and, for each shared memory {@code module}
   * imports, a memory of that type made in {@code main} (the store its main thread runs in), which
   * every thread's instance then imports. Define the WASI functions in the linker too: the threads
   * share them.
   *
   * @throws IllegalArgumentException if a shared memory the module imports cannot be made (see
   *     {@link Memory#create})
   */
  public static WasiThreads addTo(Linker linker, Store main, Module module) {
    WasiThreads threads =
        new WasiThreads(
            Objects.requireNonNull(linker, "linker"),
            Objects.requireNonNull(main, "main"),
            Objects.requireNonNull(module, "module"));
    for (Import imp : module.imports()) {
      if (imp.desc() instanceof ImportDesc.Memory m && provides(module.imports(), imp)) {
        linker.define(imp.module(), imp.name(), Memory.create(main, m.type()));
      }
    }
    linker.define(
        MODULE,
        SPAWN,
        FuncType.of(List.of(ValType.I32), List.of(ValType.I32)),
        (caller, args, results) -> results.setI32(0, threads.spawn(args.i32(0))));
    return threads;
  }

  /**
   * Returns what ended the program from a thread other than the main one (a {@link
   * WasiExitException}, a {@link dev.cortado.runtime.Trap}, ...), or {@code interrupted}, the main
   * thread's own stop, if no thread ended it.
   */
  public RuntimeException endingOr(ExecutionInterruptedException interrupted) {
    RuntimeException e = ending.get();
    return e != null ? e : interrupted;
  }

  /** Returns what ended the program from a thread other than the main one, if anything did. */
  public Optional<RuntimeException> ending() {
    return Optional.ofNullable(ending.get());
  }

  /** Returns how many spawned threads are running. */
  public int running() {
    return live.get();
  }

  // thread-spawn: a positive id, or -1 when no thread can be made (the program sees EAGAIN).
  private int spawn(int startArg) {
    if (ending.get() != null || closed) {
      return -1;
    }
    if (live.incrementAndGet() > MAX_THREADS) {
      live.decrementAndGet();
      return -1;
    }
    int id = nextId.getAndIncrement();
    boolean started = false;
    Store store = Store.create(main.engine(), main.config());
    try {
      if (id <= 0 || id > MAX_ID) {
        return -1;
      }
      // An instantiation that fails (a start function's trap, the store's limits) spawns nothing.
      Optional<Func> entry = linker.instantiate(store, module).func(ENTRY);
      if (entry.isEmpty()) {
        return -1;
      }
      Thread thread =
          new Thread(
              null, () -> run(store, entry.get(), id, startArg), "wasi-thread-" + id, STACK_BYTES);
      // The program ends when its main thread does, whatever its other threads are doing.
      thread.setDaemon(true);
      running.add(store);
      if (closed) {
        store.interrupt(); // close ran meanwhile: the thread stops at its first check
      }
      thread.start();
      started = true;
      return id;
    } catch (RuntimeException | OutOfMemoryError e) {
      return -1;
    } finally {
      if (!started) {
        running.remove(store);
        store.close();
        live.decrementAndGet();
      }
    }
  }

  private void run(Store store, Func entry, int id, int startArg) {
    try {
      entry.call(WasmValue.i32(id), WasmValue.i32(startArg));
    } catch (ExecutionInterruptedException e) {
      // Stopped because another thread ended the program, or by close; else the store's own limit
      // ended it.
      if (ending.get() == null && !closed) {
        end(e);
      }
    } catch (RuntimeException e) {
      end(e);
    } finally {
      running.remove(store);
      store.close();
      live.decrementAndGet();
    }
  }

  /**
   * Stops the threads still running, for a program whose main thread is done (it returned, exited
   * or was stopped): they would otherwise run on, as daemon threads of this JVM. A thread blocked
   * in a WASI call stops when the call returns or checks for interruption.
   */
  @Override
  public void close() {
    closed = true;
    for (Store s : running) {
      s.interrupt();
    }
  }

  // The first thread to end the program stops every other one, the main thread too.
  private void end(RuntimeException why) {
    if (closed) {
      return;
    }
    if (ending.compareAndSet(null, why)) {
      main.interrupt();
      for (Store s : running) {
        s.interrupt();
      }
    }
  }
}
