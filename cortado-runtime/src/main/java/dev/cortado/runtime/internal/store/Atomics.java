package dev.cortado.runtime.internal.store;

import dev.cortado.runtime.Trap;
import dev.cortado.runtime.TrapKind;
import dev.cortado.wasm.Opcode;
import java.lang.invoke.VarHandle;
import java.util.function.LongSupplier;

/**
 * The atomic instructions of the threads proposal, for the interpreter and compiled code alike:
 * loads, stores, read-modify-writes and compare-exchanges of 1, 2, 4 or 8 bytes, sequentially
 * consistent, and {@code memory.atomic.wait32}/{@code wait64} and {@code notify}.
 *
 * <p>Each method takes the address operand (an i32, or a 64-bit memory's address clamped to a u32)
 * and the offset immediate as a u32, checks the effective address is aligned to the access size
 * ({@link TrapKind#UNALIGNED_ATOMIC}) and inside the memory ({@link
 * TrapKind#OUT_OF_BOUNDS_MEMORY_ACCESS}), and reads and writes the memory's array under a lock: one
 * of {@value #STRIPES}, chosen by the aligned 8 bytes the access lies in, so that accesses of any
 * size to the same bytes exclude each other. Locks, not the {@code VarHandle}s' atomic modes,
 * because since Java 22 a {@code byte[]} view supports no atomic access (the array's alignment is
 * not guaranteed); and every lock action belongs to one total order, so the atomic instructions are
 * sequentially consistent, as the proposal requires, and a lock's release and acquisition order the
 * plain accesses before and after them.
 *
 * @see <a href="https://github.com/WebAssembly/threads/blob/main/proposals/threads/Overview.md">The
 *     threads proposal</a>
 */
public final class Atomics {
  /** {@code rmw.add}. */
  public static final int ADD = 0;

  /** {@code rmw.sub}. */
  public static final int SUB = 1;

  /** {@code rmw.and}. */
  public static final int AND = 2;

  /** {@code rmw.or}. */
  public static final int OR = 3;

  /** {@code rmw.xor}. */
  public static final int XOR = 4;

  /** {@code rmw.xchg}. */
  public static final int XCHG = 5;

  /** An atomic load. */
  public static final int LOAD = 0;

  /** An atomic store. */
  public static final int STORE = 1;

  /** A read-modify-write: {@link #rmw}, of a {@link #kind}. */
  public static final int RMW = 2;

  /** A compare-exchange. */
  public static final int CMPXCHG = 3;

  /** {@code memory.atomic.wait32} or {@code wait64}. */
  public static final int WAIT = 4;

  /** {@code memory.atomic.notify}. */
  public static final int NOTIFY = 5;

  /** {@code atomic.fence}. */
  public static final int FENCE = 6;

  private static final int STRIPES = 256;
  private static final Object[] LOCKS = new Object[STRIPES];

  // The form and read-modify-write kind of each atomic instruction, by ordinal (from its name).
  private static final int[] FORMS = new int[Opcode.values().length];
  private static final int[] KINDS = new int[Opcode.values().length];

  static {
    for (int i = 0; i < STRIPES; i++) {
      LOCKS[i] = new Object();
    }
    for (Opcode op : Opcode.values()) {
      if (!op.isAtomic()) {
        continue;
      }
      String name = op.text();
      String verb = name.substring(name.lastIndexOf('.') + 1).replace("_u", "");
      int form =
          name.startsWith("memory.atomic.wait")
              ? WAIT
              : op == Opcode.MEMORY_ATOMIC_NOTIFY
                  ? NOTIFY
                  : op == Opcode.ATOMIC_FENCE
                      ? FENCE
                      : verb.startsWith("load")
                          ? LOAD
                          : verb.startsWith("store")
                              ? STORE
                              : verb.equals("cmpxchg") ? CMPXCHG : RMW;
      FORMS[op.ordinal()] = form;
      if (form == RMW) {
        KINDS[op.ordinal()] =
            switch (verb) {
              case "add" -> ADD;
              case "sub" -> SUB;
              case "and" -> AND;
              case "or" -> OR;
              case "xor" -> XOR;
              case "xchg" -> XCHG;
              default -> throw new AssertionError(op);
            };
      }
    }
  }

  private Atomics() {}

  /** Returns the form of {@code op}, an {@link Opcode#isAtomic} instruction: {@link #LOAD} ... */
  public static int form(Opcode op) {
    return FORMS[op.ordinal()];
  }

  /** Returns the read-modify-write kind of {@code op}, a {@link #RMW}: {@link #ADD} ... */
  public static int kind(Opcode op) {
    return KINDS[op.ordinal()];
  }

  /**
   * Returns the effective address of an atomic access of {@code size} bytes, or traps if it is not
   * a multiple of {@code size} or not inside the memory (the alignment checked first, as the
   * reference interpreter does).
   */
  static int at(MemoryInstance m, int address, int offset, int size) {
    long ea = Integer.toUnsignedLong(address) + Integer.toUnsignedLong(offset);
    // A 64-bit memory's address or offset of 2^32 or more arrives as 2^32-1 (AddressOperands):
    // out of bounds whatever its true alignment, so that is the trap.
    if (ea >= 0xFFFF_FFFFL) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    if ((ea & (size - 1)) != 0) {
      throw Trap.of(TrapKind.UNALIGNED_ATOMIC);
    }
    if (ea > m.size - size) {
      throw Trap.of(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS);
    }
    return (int) ea;
  }

  private static Object lock(int at) {
    return LOCKS[(at >>> 3) & (STRIPES - 1)];
  }

  private static long mask(int size) {
    return size == 8 ? -1L : (1L << (size * 8)) - 1;
  }

  // Plain accesses: the caller holds the lock of their bytes.
  private static long read(byte[] b, int at, int size) {
    return switch (size) {
      case 1 -> b[at] & 0xFFL;
      case 2 -> (short) MemoryInstance.SHORT.get(b, at) & 0xFFFFL;
      case 4 -> (int) MemoryInstance.INT.get(b, at) & 0xFFFF_FFFFL;
      default -> (long) MemoryInstance.LONG.get(b, at);
    };
  }

  private static void write(byte[] b, int at, int size, long value) {
    switch (size) {
      case 1 -> b[at] = (byte) value;
      case 2 -> MemoryInstance.SHORT.set(b, at, (short) value);
      case 4 -> MemoryInstance.INT.set(b, at, (int) value);
      default -> MemoryInstance.LONG.set(b, at, value);
    }
  }

  /** An atomic load of {@code size} bytes, zero-extended. */
  public static long load(int address, int offset, int size, MemoryInstance m) {
    int at = at(m, address, offset, size);
    byte[] b = m.bytes;
    synchronized (lock(at)) {
      return read(b, at, size);
    }
  }

  /** An atomic load of {@code size} bytes as an i32 result. */
  public static int load32(int address, int offset, int size, MemoryInstance m) {
    return (int) load(address, offset, size, m);
  }

  /** An atomic store of the low {@code size} bytes of {@code value}. */
  public static void store(int address, long value, int offset, int size, MemoryInstance m) {
    int at = at(m, address, offset, size);
    byte[] b = m.bytes;
    synchronized (lock(at)) {
      write(b, at, size, value);
    }
  }

  /** {@link #store} of an i32 operand. */
  public static void store32(int address, int value, int offset, int size, MemoryInstance m) {
    store(address, value, offset, size, m);
  }

  /**
   * A read-modify-write ({@code kind}: {@link #ADD} ... {@link #XCHG}) of {@code size} bytes with
   * {@code value}'s low bytes; returns what was there, zero-extended.
   */
  public static long rmw(
      int address, long value, int offset, int size, int kind, MemoryInstance m) {
    int at = at(m, address, offset, size);
    byte[] b = m.bytes;
    synchronized (lock(at)) {
      long old = read(b, at, size);
      long next =
          switch (kind) {
            case ADD -> old + value;
            case SUB -> old - value;
            case AND -> old & value;
            case OR -> old | value;
            case XOR -> old ^ value;
            default -> value;
          };
      write(b, at, size, next);
      return old;
    }
  }

  /** {@link #rmw} of an i32 operand, for an i32 result. */
  public static int rmw32(
      int address, int value, int offset, int size, int kind, MemoryInstance m) {
    return (int) rmw(address, value, offset, size, kind, m);
  }

  /**
   * A compare-exchange of {@code size} bytes: if they hold {@code expected}'s low bytes, they
   * become {@code replacement}'s; returns what was there, zero-extended.
   */
  public static long cmpxchg(
      int address, long expected, long replacement, int offset, int size, MemoryInstance m) {
    int at = at(m, address, offset, size);
    byte[] b = m.bytes;
    synchronized (lock(at)) {
      long old = read(b, at, size);
      if (old == (expected & mask(size))) {
        write(b, at, size, replacement);
      }
      return old;
    }
  }

  /** {@link #cmpxchg} of i32 operands, for an i32 result. */
  public static int cmpxchg32(
      int address, int expected, int replacement, int offset, int size, MemoryInstance m) {
    return (int) cmpxchg(address, expected, replacement, offset, size, m);
  }

  /**
   * {@code memory.atomic.wait32} ({@code size} 4) or {@code wait64} ({@code size} 8): waits until
   * notified if the memory holds {@code expected}'s low bytes, for at most {@code timeoutNanos}
   * (negative: no limit), calling {@code check} (the store's interruption check) between slices of
   * the wait. Traps on a memory that is not shared.
   *
   * @return 0 when woken, 1 if the memory did not hold {@code expected}, 2 on timeout
   */
  public static int await(
      int address,
      long expected,
      long timeoutNanos,
      int offset,
      int size,
      MemoryInstance m,
      Runnable check) {
    int at = at(m, address, offset, size);
    Waiters waiters = m.waiters();
    if (waiters == null) {
      throw Trap.of(TrapKind.EXPECTED_SHARED_MEMORY);
    }
    byte[] b = m.bytes;
    LongSupplier current =
        () -> {
          synchronized (lock(at)) {
            return read(b, at, size);
          }
        };
    return waiters.await(at, current, expected & mask(size), timeoutNanos, check);
  }

  /**
   * {@code memory.atomic.notify}: wakes up to {@code count} (unsigned) threads waiting at the
   * address and returns how many it woke; 0 for a memory that is not shared, where nobody waits.
   */
  public static int notify(int address, int count, int offset, MemoryInstance m) {
    int at = at(m, address, offset, 4);
    Waiters waiters = m.waiters();
    return waiters == null ? 0 : waiters.wake(at, count);
  }

  /** {@code atomic.fence}. */
  public static void fence() {
    VarHandle.fullFence();
  }
}
