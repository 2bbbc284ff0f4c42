package dev.cortado.runtime;

import dev.cortado.runtime.internal.compiled.Tier;
import dev.cortado.runtime.internal.interp.Budget;
import dev.cortado.runtime.internal.interp.Machine;
import dev.cortado.runtime.internal.store.MemoryInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The unit of isolation: it owns instances and everything they create, and the limits their code
 * runs under (memory and table sizes, call depth, fuel, deadline). Give each tenant or request a
 * store of its own.
 *
 * <p>A store runs code on one thread at a time; calling in from a second thread while code runs
 * throws {@link IllegalStateException}. {@link #interrupt()} is the exception: any thread may call
 * it to stop running code within milliseconds.
 */
public final class Store implements AutoCloseable {
  private final Engine engine;
  private final StoreConfig config;
  private final Budget budget = new Budget();
  private final AtomicReference<Thread> owner = new AtomicReference<>();
  private int entries;
  private Machine machine;
  private final List<Tier> pendingTiers = new ArrayList<>();
  // Memories made in this store, which close() gives back to the engine (the first few: a store
  // that
  // instantiates module after module keeps no list of them all).
  private static final int MAX_OWNED_MEMORIES = 16;
  private final List<MemoryInstance> memories = new ArrayList<>(2);
  private boolean closed;
  // Host state attached by embedders, by key: few per store, so a list searched by identity.
  private Object[] attachments = new Object[0];

  private Store(Engine engine, StoreConfig config) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Returns a store of {@code engine} with the default limits. */
  public static Store create(Engine engine) {
    return new Store(engine, StoreConfig.defaults());
  }

  /** Returns a store of {@code engine} with the limits of {@code config}. */
  public static Store create(Engine engine, StoreConfig config) {
    return new Store(engine, config);
  }

  /** Returns the engine. */
  public Engine engine() {
    return engine;
  }

  /** Returns the limits. */
  public StoreConfig config() {
    return config;
  }

  /**
   * Sets the fuel: how many more WebAssembly instructions may run (counted at loop back edges and
   * calls, so a run may overshoot by one loop iteration). Running out throws {@link
   * ExecutionInterruptedException} with reason {@code OUT_OF_FUEL}; set fuel again to continue.
   */
  public void setFuel(long fuel) {
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must not be negative: " + fuel);
    }
    budget.setFuel(fuel);
  }

  /** Adds {@code fuel} to what is left, starting to count fuel if it was not counted. */
  public void addFuel(long fuel) {
    if (fuel < 0) {
      throw new IllegalArgumentException("fuel must not be negative: " + fuel);
    }
    long left = budget.fuelEnabled() ? budget.fuel() : 0;
    budget.setFuel(left > Long.MAX_VALUE - fuel ? Long.MAX_VALUE : left + fuel);
  }

  /** Returns the fuel left, or empty if fuel is not counted. */
  public OptionalLong fuel() {
    return budget.fuelEnabled() ? OptionalLong.of(budget.fuel()) : OptionalLong.empty();
  }

  /** Stops counting fuel. */
  public void disableFuel() {
    budget.disableFuel();
  }

  /**
   * Makes running code stop once {@code timeout} from now has passed, with {@link
   * ExecutionInterruptedException} reason {@code DEADLINE}. Replaces any earlier deadline. A
   * timeout of zero or less has passed already: code stops at its first check.
   *
   * <p>A deadline keeps a small entry in a timer shared by all stores until it passes or is
   * cleared: an application that makes many short-lived stores with long timeouts (a store per
   * request) should {@link #clearDeadline() clear} each when it is done with it.
   */
  public void setTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    budget.setDeadline(System.nanoTime() + timeout.toNanos());
  }

  /** Makes running code stop once {@code deadline} has passed. */
  public void setDeadline(Instant deadline) {
    Objects.requireNonNull(deadline, "deadline");
    setTimeout(Duration.between(Instant.now(), deadline));
  }

  /** Removes the deadline, and its entry in the timer. */
  public void clearDeadline() {
    budget.clearDeadline();
  }

  /**
   * Asks the code running in this store to stop; it throws {@link ExecutionInterruptedException}
   * with reason {@code INTERRUPTED} within milliseconds. Safe to call from any thread.
   */
  public void interrupt() {
    budget.interrupt();
  }

  /**
   * Throws {@link ExecutionInterruptedException} if the store's code should stop now: it was
   * interrupted, its deadline passed, or its fuel ran out. Host functions that wait (sleep, block
   * on input) call this between waits so a stuck program can still be stopped.
   */
  public void checkInterruption() {
    budget.checkpoint();
  }

  /**
   * Attaches {@code value} to this store under {@code key}, replacing any value attached under it
   * before: the state of one run (a WASI world, a request) that host functions defined once, for
   * every store, find through the store they are called in.
   *
   * <pre>{@code
   * store.attach(Session.class, new Session(user));
   * ...
   * Session s = store.attachment(Session.class).orElseThrow();
   * }</pre>
   */
  public <T> void attach(Class<T> key, T value) {
    Objects.requireNonNull(key, "key");
    Object v = key.cast(Objects.requireNonNull(value, "value"));
    Object[] a = attachments;
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] == key) {
        a[i + 1] = v;
        return;
      }
    }
    Object[] grown = java.util.Arrays.copyOf(a, a.length + 2);
    grown[a.length] = key;
    grown[a.length + 1] = v;
    attachments = grown;
  }

  /** Returns the value attached under {@code key} with {@link #attach}, if any. */
  public <T> Optional<T> attachment(Class<T> key) {
    Object[] a = attachments;
    for (int i = 0; i < a.length; i += 2) {
      if (a[i] == key) {
        return Optional.of(key.cast(a[i + 1]));
      }
    }
    return Optional.empty();
  }

  /**
   * Has {@code tier} compiled in the background: at once with eager tier-up, else when this store
   * has run code for a while.
   */
  void tierUp(Tier tier) {
    if (tier.code() != null) {
      return;
    }
    if (engine.config().eagerTierUp()) {
      tier.start();
      return;
    }
    synchronized (pendingTiers) {
      pendingTiers.add(tier);
    }
    budget.atNextCheckpoint(this::startPendingTiers);
  }

  private void startPendingTiers() {
    List<Tier> start;
    synchronized (pendingTiers) {
      start = new ArrayList<>(pendingTiers);
      pendingTiers.clear();
    }
    start.forEach(Tier::start);
  }

  /** Records {@code memory} as made in this store, for {@link #close}; returns it. */
  MemoryInstance own(MemoryInstance memory) {
    // A shared memory may be in use by other stores' threads: it is never emptied or recycled.
    if (!memory.shared() && memories.size() < MAX_OWNED_MEMORIES) {
      memories.add(memory);
    }
    return memory;
  }

  /**
   * Closes the store: its code can no longer run (calling it throws {@link IllegalStateException}),
   * its memories can no longer be read or written, and the engine reuses their space for the
   * memories of new stores. Closing is optional (an unreachable store is collected like any object)
   * but makes a store per request cheaper. Closing a closed store does nothing.
   *
   * @throws IllegalStateException if code runs in the store (interrupt it and wait for its call to
   *     return first), or the call comes from a host function called by the store's own code
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    Thread me = Thread.currentThread();
    if (!owner.compareAndSet(null, me)) {
      Thread running = owner.get();
      throw new IllegalStateException(
          running == me
              ? "a store cannot be closed by a host function its own code called"
              : "the store is running code on thread \""
                  + running.getName()
                  + "\"; interrupt it and wait for the call to return before closing the store");
    }
    // The owner stays set: no thread enters the store again.
    closed = true;
    budget.clearDeadline();
    for (MemoryInstance m : memories) {
      engine.memoryPool().give(m);
    }
    memories.clear();
  }

  /** Throws if the store is closed: its memories are gone. */
  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the store is closed");
    }
  }

  /** Returns the machine to run code on, claiming the store for this thread until {@link #exit}. */
  Machine enter() {
    checkOpen();
    Thread me = Thread.currentThread();
    Thread current = owner.get();
    if (current != me && !owner.compareAndSet(null, me)) {
      throw new IllegalStateException(
          "the store is running code on thread \""
              + owner.get().getName()
              + "\"; a store runs on one thread at a time (use a store per thread)");
    }
    entries++;
    if (machine == null) {
      machine = new Machine(config.maxCallDepth(), config.maxStackSlots(), budget);
    }
    return machine;
  }

  /** Releases the store after {@link #enter}. */
  void exit() {
    if (--entries == 0) {
      owner.set(null);
    }
  }
}
