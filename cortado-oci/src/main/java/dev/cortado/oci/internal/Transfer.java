package dev.cortado.oci.internal;

import dev.cortado.oci.OciException;
import dev.cortado.oci.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.function.Supplier;

/**
 * One download's bytes on their way to a sink: hashed as they pass, counted against a limit, and
 * reported to a {@link Progress}. Shared by OCI blobs and npm tarballs.
 */
public final class Transfer {
  private final MessageDigest md;
  private final String what;
  private final long total;
  private final long limit;
  private final Supplier<OciException> tooLarge;
  private final Progress progress;
  private long done;

  /**
   * Prepares a transfer.
   *
   * @param md the hash the bytes are fed to
   * @param what what is transferred, for the progress listener
   * @param total the expected size for the progress listener, or -1
   * @param limit the most bytes accepted
   * @param tooLarge the failure when more than {@code limit} bytes come
   * @param progress the listener
   */
  public Transfer(
      MessageDigest md,
      String what,
      long total,
      long limit,
      Supplier<OciException> tooLarge,
      Progress progress) {
    this.md = md;
    this.what = what;
    this.total = total;
    this.limit = limit;
    this.tooLarge = tooLarge;
    this.progress = progress;
  }

  /** Copies {@code in} to {@code sink} to its end. */
  public void copy(InputStream in, OutputStream sink) throws IOException {
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) > 0; ) {
      md.update(buf, 0, n);
      done += n;
      if (done > limit) {
        throw tooLarge.get();
      }
      sink.write(buf, 0, n);
      progress.update(what, done, total);
    }
  }

  /** Returns how many bytes have passed. */
  public long done() {
    return done;
  }
}
