package dev.cortado.oci.internal.bindle;

import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Puts one parcel's bytes into the store, checked against its label on the way: more bytes than the
 * label's size stop the copy at once, fewer fail it at the end, and the store refuses bytes whose
 * SHA-256 differs. Nothing is kept under the digest unless all three hold.
 */
public final class ParcelCopy {
  private ParcelCopy() {}

  /** Stores the parcel {@code in} reads, as {@code label} describes it; returns its file. */
  public static Path store(
      InputStream in, BindleInvoice.Label label, String what, LocalStore store) {
    try {
      return store.write(
          label.digest(),
          out -> {
            byte[] buf = new byte[64 * 1024];
            long done = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
              done += n;
              if (done > label.size()) {
                throw sizeMismatch(what, label, "more than");
              }
              out.write(buf, 0, n);
            }
            if (done != label.size()) {
              throw sizeMismatch(what, label, done + " bytes, not");
            }
          });
    } catch (OciException e) {
      if (e.kind() == Kind.DIGEST_MISMATCH && !e.getMessage().contains(what)) {
        throw new OciException(
            Kind.DIGEST_MISMATCH,
            what
                + " does not match its label's sha256 "
                + label.sha256()
                + "; it was not used (the bindle is damaged or was altered)");
      }
      throw e;
    }
  }

  private static OciException sizeMismatch(String what, BindleInvoice.Label label, String actual) {
    return new OciException(
        Kind.DIGEST_MISMATCH,
        what
            + " has "
            + actual
            + " the "
            + label.size()
            + " bytes its label gives; it was not used (the bindle is damaged or was altered)");
  }
}
