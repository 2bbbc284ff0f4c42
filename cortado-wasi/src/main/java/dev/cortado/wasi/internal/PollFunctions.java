package dev.cortado.wasi.internal;

import dev.cortado.runtime.Caller;

/**
 * {@code poll_oneoff}: waits until a clock subscription expires or a descriptor subscription is
 * ready, then reports every subscription that is. Descriptor readiness is polled every few
 * milliseconds (Java streams offer no readiness callback); waiting checks the store's interruption
 * and deadline between polls, so a sleeping program can still be stopped.
 */
final class PollFunctions {
  /** How often descriptors are looked at again while waiting. */
  private static final long POLL_NANOS = 5_000_000;

  private PollFunctions() {}

  /**
   * The longest wait kept as a deadline: a century. A timeout is a u64 of nanoseconds (up to 584
   * years); a longer one waits this long, which no program can tell from for ever.
   */
  static final long FOREVER_NANOS = 100L * 365 * 24 * 3600 * 1_000_000_000L;

  /**
   * One subscription, as read from guest memory; {@code waitable} is false for a clock that cannot
   * be waited on (the CPU-time clocks), which gets an error event.
   */
  private record Subscription(
      long userdata, int type, int clockId, boolean waitable, long deadline, int fd) {}

  /**
   * Returns how many nanoseconds a clock subscription waits: {@code timeout} itself, or until it if
   * {@code absolute} ({@code now} on the same clock), both u64s; at most {@link #FOREVER_NANOS},
   * never negative.
   */
  static long waitNanos(long timeout, long now, boolean absolute) {
    if (absolute) {
      if (Long.compareUnsigned(timeout, now) <= 0) {
        return 0;
      }
      long until = timeout - now; // unsigned: 2^63 or more reads as negative
      return until < 0 || until > FOREVER_NANOS ? FOREVER_NANOS : until;
    }
    return timeout < 0 || timeout > FOREVER_NANOS ? FOREVER_NANOS : timeout;
  }

  static void define(Definer d, WasiContext ctx) {
    d.define(
        "poll_oneoff",
        "iiii",
        (caller, a) -> {
          int n = a.i32(2);
          if (n == 0) {
            throw Errno.fail(Errno.INVAL, "no subscriptions");
          }
          GuestMemory mem = GuestMemory.of(caller);
          mem.check(a.i32(0), Integer.toUnsignedLong(n) * Abi.SUBSCRIPTION_SIZE);
          mem.check(a.i32(1), Integer.toUnsignedLong(n) * Abi.EVENT_SIZE);
          Subscription[] subs = read(mem, ctx, a.i32(0), n);
          int events = poll(caller, mem, ctx, subs, a.i32(1));
          mem.setU32(a.i32(3), events);
          return Errno.SUCCESS;
        });
  }

  private static Subscription[] read(GuestMemory mem, WasiContext ctx, int in, int n) {
    Subscription[] subs = new Subscription[n];
    for (int i = 0; i < n; i++) {
      int p = in + i * Abi.SUBSCRIPTION_SIZE;
      long userdata = mem.u64(p);
      int type = mem.u8(p + 8);
      switch (type) {
        case Abi.EVENTTYPE_CLOCK -> {
          int clock = mem.u32(p + 16);
          long timeout = mem.u64(p + 24);
          boolean absolute = (mem.u16(p + 40) & Abi.SUBCLOCK_ABSTIME) != 0;
          // Deadlines are kept on the monotonic clock, whatever clock the program named; the
          // CPU-time clocks cannot be waited on, and get an error event.
          boolean waitable = clock == Abi.CLOCK_REALTIME || clock == Abi.CLOCK_MONOTONIC;
          long deadline =
              waitable
                  ? System.nanoTime() + waitNanos(timeout, ClockFunctions.now(ctx, clock), absolute)
                  : 0;
          subs[i] = new Subscription(userdata, type, clock, waitable, deadline, -1);
        }
        case Abi.EVENTTYPE_FD_READ, Abi.EVENTTYPE_FD_WRITE ->
            subs[i] = new Subscription(userdata, type, -1, false, 0, mem.u32(p + 16));
        default -> throw Errno.fail(Errno.INVAL, "subscription type " + type);
      }
    }
    return subs;
  }

  private static int poll(
      Caller caller, GuestMemory mem, WasiContext ctx, Subscription[] subs, int out) {
    while (true) {
      int events = 0;
      long now = System.nanoTime();
      long earliest = Long.MAX_VALUE;
      for (Subscription s : subs) {
        if (s.type() == Abi.EVENTTYPE_CLOCK) {
          if (!s.waitable()) {
            events = event(mem, out, events, s, Errno.INVAL, 0, 0);
          } else if (now - s.deadline() >= 0) {
            events = event(mem, out, events, s, Errno.SUCCESS, 0, 0);
          } else {
            earliest = Math.min(earliest, s.deadline() - now);
          }
        } else {
          events = fdEvent(mem, ctx, out, events, s);
        }
      }
      if (events > 0) {
        return events;
      }
      boolean waitsOnDescriptors = false;
      for (Subscription s : subs) {
        waitsOnDescriptors |= s.type() != Abi.EVENTTYPE_CLOCK;
      }
      long sleep =
          waitsOnDescriptors ? Math.min(earliest, POLL_NANOS) : Math.min(earliest, 50_000_000);
      caller.store().checkInterruption();
      try {
        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw Errno.fail(Errno.INTR, "interrupted");
      }
    }
  }

  private static int fdEvent(
      GuestMemory mem, WasiContext ctx, int out, int events, Subscription s) {
    Descriptor d;
    try {
      d = ctx.fds.get(s.fd());
      d.require(Abi.RIGHT_POLL_FD_READWRITE);
    } catch (Errno.Failure f) {
      return event(mem, out, events, s, f.errno(), 0, 0);
    }
    boolean read = s.type() == Abi.EVENTTYPE_FD_READ;
    boolean ready = read ? d.readReady() : d.writeReady();
    if (!ready) {
      return events;
    }
    long nbytes = read ? d.bytesReadable() : 0;
    int flags = read && d.hungUp() ? Abi.EVENTRW_HANGUP : 0;
    return event(mem, out, events, s, Errno.SUCCESS, nbytes, flags);
  }

  private static int event(
      GuestMemory mem, int out, int index, Subscription s, int errno, long nbytes, int flags) {
    int p = out + index * Abi.EVENT_SIZE;
    mem.setU64(p, s.userdata());
    mem.setU16(p + 8, errno);
    mem.setU8(p + 10, s.type());
    mem.setU8(p + 11, 0);
    mem.setU32(p + 12, 0);
    mem.setU64(p + 16, nbytes);
    mem.setU16(p + 24, flags);
    mem.setU16(p + 26, 0);
    mem.setU32(p + 28, 0);
    return index + 1;
  }
}
