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
 */
final class StreamedResponse implements StreamingResponder.Channel {
  /** The most bytes kept waiting to be sent before the component's writes wait. */
  static final int AHEAD = 1 << 20;

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
        synchronized (StreamedResponse.this) {
          check();
          pump();
        }
      }
    };
  }

  private synchronized void append(byte[] b, int off, int len) throws IOException {
    check();
    while (pending.size() > AHEAD) {
      pump();
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the client was slow to read");
      }
      check();
    }
    pending.write(b, off, len);
    bytes += len;
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
  public synchronized void finish(List<String[]> trailerList) throws IOException {
    if (failure != null) {
      throw new IOException("the client went away: " + failure.getMessage(), failure);
    }
    if (trailersAccepted) {
      for (String[] t : trailerList) {
        trailers.add(t[0], t[1]);
      }
    }
    lastRequested = true;
    pump();
  }

  @Override
  public synchronized boolean started() {
    return started;
  }

  /** Hands what is waiting to Jetty, unless a write is in flight (its completion does). */
  private void pump() {
    if (writing || failure != null || lastWritten) {
      return;
    }
    if (pending.size() == 0 && !lastRequested) {
      return;
    }
    byte[] data = pending.toByteArray();
    pending.reset();
    boolean last = lastRequested;
    writing = true;
    response.write(
        last, ByteBuffer.wrap(data), Callback.from(() -> written(last), this::writeFailed));
  }

  private synchronized void written(boolean last) {
    writing = false;
    if (last) {
      lastWritten = true;
      complete();
    } else {
      pump();
    }
    notifyAll();
  }

  private synchronized void writeFailed(Throwable t) {
    writing = false;
    failure = t;
    notifyAll();
    complete();
  }

  /**
   * The component's run ended: the response is whole if the component finished it (its last bytes
   * may still be on their way), else it is cut off once no write is in flight.
   */
  synchronized void ended() {
    ended = true;
    endedWhole = lastRequested;
    complete();
  }

  private void complete() {
    if (completed || !ended || writing) {
      return;
    }
    boolean whole = endedWhole && lastWritten;
    if (endedWhole && !lastWritten && failure == null) {
      return; // the last write has not been made or has not completed yet
    }
    completed = true;
    done.done(status, bytes, whole);
    if (whole) {
      callback.succeeded();
    } else {
      callback.failed(
          failure != null ? failure : new IOException("the component's response was cut off"));
    }
  }
}
