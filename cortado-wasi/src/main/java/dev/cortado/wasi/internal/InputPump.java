package dev.cortado.wasi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a stream that may block (a pipe, a terminal) so that a program waiting for it can be
 * stopped. A read of a Java stream cannot be interrupted, so a daemon helper thread (the pump) does
 * it, into a bounded buffer, while the program's thread waits for the buffer in short slices,
 * asking the store between them whether to stop ({@link WasiContext#checkInterruption}).
 *
 * <p>The pump reads only when a reader asked for bytes (a read, or {@code poll_oneoff} asking
 * whether the stream is readable) and the buffer is empty, at most {@value #CAPACITY} bytes at
 * once. Bytes it read that no program has consumed yet stay here: a program stopped while waiting
 * finds them in its next read, and so does the next program given the same input. End of input and
 * read errors are kept for the next read too. While bytes are already waiting in the stream ({@code
 * available() > 0}), the program's thread reads them itself, without a thread hop.
 *
 * <p>The pump's thread exists only while a read is pending and for {@value #LINGER_MILLIS} ms after
 * (to serve a program reading line by line without starting a thread per read); so no thread is
 * left behind once the stream has answered, and a read still pending when the program ends (the
 * stream never answers) blocks only a daemon thread, which does not keep the JVM alive.
 */
public final class InputPump implements ProgramInput {
  /** The most bytes the pump reads ahead. */
  static final int CAPACITY = 64 * 1024;

  /** How long a waiting program goes without asking whether it should stop. */
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** How long an idle pump thread waits for another request before ending. */
  private static final long LINGER_MILLIS = 500;

  private final InputStream in;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // Guarded by lock: bytes read and not consumed are buffer[start, start + count).
  private byte[] buffer = new byte[0];
  private int start;
  private int count;
  private int wanted; // bytes a reader asked for since the pump last read; 0: no request
  private boolean reading; // the pump is inside in.read: nobody else may read the stream
  private boolean ended;
  private IOException error;
  private Thread pump;

  private InputPump(InputStream in) {
    this.in = in;
  }

  /** Returns a pump for {@code in}; it starts no thread until a program waits for input. */
  public static InputPump of(InputStream in) {
    return new InputPump(in);
  }

  @Override
  public int read(byte[] buf, int off, int len, WasiContext ctx) {
    if (len == 0) {
      return 0;
    }
    lock.lock();
    try {
      while (true) {
        if (count > 0) {
          int n = Math.min(count, len);
          System.arraycopy(buffer, start, buf, off, n);
          start += n;
          count -= n;
          return n;
        }
        if (error != null) {
          IOException e = error;
          error = null;
          throw Errno.fail(Errno.IO, String.valueOf(e.getMessage()));
        }
        if (ended) {
          return 0;
        }
        int waiting = streamAvailable();
        if (waiting > 0) {
          return readDirectly(buf, off, Math.min(len, waiting));
        }
        request(len);
        ctx.checkInterruption();
        try {
          changed.awaitNanos(SLICE_NANOS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw Errno.fail(Errno.INTR, "interrupted");
        }
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean ready() {
    lock.lock();
    try {
      if (count > 0 || ended || error != null || streamAvailable() > 0) {
        return true;
      }
      // Only reading tells whether the stream has ended: let the pump find out.
      request(CAPACITY);
      return false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long available() {
    lock.lock();
    try {
      return count > 0 ? count : streamAvailable();
    } finally {
      lock.unlock();
    }
  }

  /** Returns what the stream says it holds, when nobody is reading it (lock held). */
  private int streamAvailable() {
    if (reading || ended || error != null) {
      return 0;
    }
    try {
      return Math.max(in.available(), 0);
    } catch (IOException e) {
      return 0; // the pump's read will report it
    }
  }

  /** Reads bytes the stream already holds, on the caller's thread (lock held). */
  private int readDirectly(byte[] buf, int off, int len) {
    try {
      int n = in.read(buf, off, len);
      if (n < 0) {
        ended = true;
        return 0;
      }
      return n;
    } catch (IOException e) {
      throw Errno.fail(Errno.IO, String.valueOf(e.getMessage()));
    }
  }

  /** Asks the pump for up to {@code len} bytes, starting its thread if needed (lock held). */
  private void request(int len) {
    wanted = Math.max(wanted, Math.min(len, CAPACITY));
    if (pump == null) {
      pump = Thread.ofPlatform().name("cortado-wasi-input").daemon().unstarted(this::pump);
      pump.start();
    }
    changed.signalAll();
  }

  /** The pump thread: reads when asked, until idle for a while or the stream is done. */
  private void pump() {
    byte[] chunk = new byte[0];
    while (true) {
      int n;
      lock.lock();
      try {
        long idle = TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        while (wanted == 0 || count > 0) {
          if (idle <= 0 || ended || error != null) {
            pump = null;
            return;
          }
          idle = changed.awaitNanos(idle);
        }
        if (ended || error != null) {
          pump = null;
          return;
        }
        n = wanted;
        reading = true;
      } catch (InterruptedException e) {
        pump = null;
        return;
      } finally {
        lock.unlock();
      }
      if (chunk.length < n) {
        chunk = new byte[n];
      }
      int got;
      IOException failure = null;
      try {
        got = in.read(chunk, 0, n);
      } catch (IOException e) {
        got = 0;
        failure = e;
      }
      lock.lock();
      try {
        reading = false;
        wanted = 0;
        if (failure != null) {
          error = failure;
        } else if (got < 0) {
          ended = true;
        } else if (got > 0) {
          if (buffer.length < got) {
            buffer = new byte[Math.max(got, Math.min(CAPACITY, buffer.length * 2))];
          }
          System.arraycopy(chunk, 0, buffer, 0, got);
          start = 0;
          count = got;
        }
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
