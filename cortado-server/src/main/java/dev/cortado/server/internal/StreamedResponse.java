package dev.cortado.server.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A response sent as a component makes it, without the component's thread waiting on the network:
 * what it writes is kept until it flushes, then handed to Jetty in one asynchronous write while it
 * goes on; what it writes meanwhile is sent when that write completes. The component waits only
 * when more than {@link #AHEAD} bytes are waiting to go (backpressure from a slow client). Its
 * finish hands over the last bytes; the response is complete when that write completes and the
 * component's run has ended, and only then is Jetty told ({@code done}).
 *
 * <p>A small answer thus costs the component's thread no wait on the network at all, where a
 * blocking stream made it wait for every write (the thread pool, sized to the cores, then spent its
 * time waiting: 4,300 requests per second for a C component that answers in 90 us).
 *
 * <p>The first flush, while less than {@link #FIRST_FLUSH_LIMIT} is waiting, waits up to a
 * millisecond for the finish ({@link DeferredFlushes}): most components write a small answer, flush
 * and finish at once, which then goes out in one write with its length instead of a chunk and then
 * the chunked end (two system calls and a wake-up; 10–17% more requests a second for the C
 * component). Once anything was sent, every flush is sent at once.
 */
final class StreamedResponse implements StreamingResponder.Channel {
  /** The most bytes kept waiting to be sent before the component's writes wait. */
  static final int AHEAD = 1 << 20;

  /** The most bytes a first flush keeps back for a moment, waiting for the response's finish. */
  static final int FIRST_FLUSH_LIMIT = 64 << 10;

  /** What happens when the response is done: sent whole, or cut off. */
  interface Done {
    /**
     * The response is done: {@code whole} if every byte and the end went out, else it was cut off
     * (the component failed, or the client went away).
     */
    void done(int status, long bytes, boolean whole);
  }

  private final Response response;
  private final Callback callback;
  private final boolean trailersAccepted;
  private final Done done;
  private final HttpFields.Mutable trailers = HttpFields.build();
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private int status;
  private long bytes;
  private boolean started;
  private boolean sentAny;
  private boolean flushDeferred;
  private boolean writing;
  private boolean lastRequested;
  private boolean lastWritten;
  private Throwable failure;
  private boolean ended;
  private boolean endedWhole;
  private boolean completed;

  StreamedResponse(Response response, Callback callback, boolean trailersAccepted, Done done) {
    this.response = response;
    this.callback = callback;
    this.trailersAccepted = trailersAccepted;
    this.done = done;
  }

  @Override
  public synchronized OutputStream start(int status, List<String[]> headers) {
    response.setStatus(status);
    for (String[] h : headers) {
      response.getHeaders().add(h[0], h[1]);
    }
    if (trailersAccepted) {
      response.setTrailersSupplier(() -> trailers);
    }
    this.status = status;
    this.started = true;
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        append(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        Runnable write;
        synchronized (StreamedResponse.this) {
          check();
          if (!sentAny && pending.size() < FIRST_FLUSH_LIMIT) {
            // Most answers are small and finished at once: wait a moment for the finish, so the
            // answer goes out whole in one write (DeferredFlushes sends it if none comes).
            if (!flushDeferred) {
              flushDeferred = true;
              DeferredFlushes.add(StreamedResponse.this);
            }
            return;
          }
          write = pump();
        }
        run(write);
      }
    };
  }

  // Jetty is called, and calls back, outside this object's lock: its own locks are never taken
  // while this one is held, so the two cannot be taken in opposite orders.

  private void append(byte[] b, int off, int len) throws IOException {
    while (true) {
      Runnable write;
      synchronized (this) {
        check();
        if (pending.size() <= AHEAD) {
          pending.write(b, off, len);
          bytes += len;
          return;
        }
        write = pump();
        if (write == null) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was slow to read");
          }
        }
      }
      run(write);
    }
  }

  private void check() throws IOException {
    if (failure != null) {
      throw new IOException("the client went away: " + failure.getMessage(), failure);
    }
    if (lastRequested) {
      throw new IOException("the response was already finished");
    }
  }

  @Override
  public void finish(List<String[]> trailerList) throws IOException {
    Runnable write;
    synchronized (this) {
      if (failure != null) {
        throw new IOException("the client went away: " + failure.getMessage(), failure);
      }
      if (trailersAccepted) {
        for (String[] t : trailerList) {
          trailers.add(t[0], t[1]);
        }
      }
      lastRequested = true;
      write = pump();
    }
    run(write);
  }

  @Override
  public synchronized boolean started() {
    return started;
  }

  /** The first flush has waited long enough for the finish: its bytes go now. */
  void deferredFlushDue() {
    Runnable write;
    synchronized (this) {
      if (!flushDeferred) {
        return;
      }
      flushDeferred = false;
      // Finished meanwhile (the finish wrote it all), or ended unfinished (the answer is cut off).
      write = lastRequested || ended ? null : pump();
    }
    run(write);
  }

  private static void run(Runnable action) {
    if (action != null) {
      action.run();
    }
  }

  /**
   * Returns the write of what is waiting, to run unlocked, unless a write is in flight (its
   * completion makes the next) or nothing is to be written. Called locked.
   */
  private Runnable pump() {
    if (writing || failure != null || lastWritten) {
      return null;
    }
    if (pending.size() == 0 && !lastRequested) {
      return null;
    }
    byte[] data = pending.toByteArray();
    pending.reset();
    boolean last = lastRequested;
    writing = true;
    sentAny = true;
    flushDeferred = false;
    return () ->
        response.write(
            last, ByteBuffer.wrap(data), Callback.from(() -> written(last), this::writeFailed));
  }

  private void written(boolean last) {
    Runnable next;
    synchronized (this) {
      writing = false;
      if (last) {
        lastWritten = true;
        next = complete();
      } else {
        next = pump();
      }
      notifyAll();
    }
    run(next);
  }

  private void writeFailed(Throwable t) {
    Runnable next;
    synchronized (this) {
      writing = false;
      failure = t;
      notifyAll();
      next = complete();
    }
    run(next);
  }

  /**
   * The component's run ended: the response is whole if the component finished it (its last bytes
   * may still be on their way), else it is cut off once no write is in flight.
   */
  void ended() {
    Runnable next;
    synchronized (this) {
      ended = true;
      endedWhole = lastRequested;
      next = complete();
    }
    run(next);
  }

  /**
   * Returns what tells the access log and Jetty that the response is done, once the run has ended
   * and no write is in flight (or waiting to be made); called locked, run unlocked.
   */
  private Runnable complete() {
    if (completed || !ended || writing) {
      return null;
    }
    if (endedWhole && !lastWritten && failure == null) {
      return null; // the last write has not been made or has not completed yet
    }
    boolean whole = endedWhole && lastWritten;
    completed = true;
    int finalStatus = status;
    long finalBytes = bytes;
    Throwable failed = failure;
    return () -> {
      done.done(finalStatus, finalBytes, whole);
      if (whole) {
        callback.succeeded();
      } else {
        // Made only here: made for every response, its stack trace cost 3% of a worker's time.
        callback.failed(
            failed != null ? failed : new IOException("the component's response was cut off"));
      }
    };
  }
}
