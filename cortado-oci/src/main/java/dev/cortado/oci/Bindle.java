package dev.cortado.oci;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bindle read for serving: its invoice and the parcels WAGI needs (its routed modules and their
 * asset files), each verified against its label and kept in the {@link LocalStore}.
 *
 * @param invoice the invoice
 * @param invoiceFile the invoice's bytes as kept in the store
 * @param source where it came from (a standalone bindle folder or a bindle server's URL), for
 *     messages
 * @param parcelFiles the stored file of each fetched parcel, by its SHA-256 (hex)
 * @see Bindles
 */
public record Bindle(
    BindleInvoice invoice, Path invoiceFile, String source, Map<String, Path> parcelFiles) {
  /** Checks every part is present and copies the map. */
  public Bindle {
    Objects.requireNonNull(invoice, "invoice");
    Objects.requireNonNull(invoiceFile, "invoiceFile");
    Objects.requireNonNull(source, "source");
    parcelFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parcelFiles));
  }

  /**
   * Returns the stored file of {@code parcel}.
   *
   * @throws IllegalArgumentException if the parcel was not fetched (it is no WAGI module or asset)
   */
  public Path file(BindleInvoice.Parcel parcel) {
    Path p = parcelFiles.get(parcel.label().sha256());
    if (p == null) {
      throw new IllegalArgumentException(
          "parcel " + parcel.label().name() + " of bindle " + invoice.id() + " was not fetched");
    }
    return p;
  }
}
