package dev.cortado.oci;

import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.bindle.InvoiceToml;
import dev.cortado.oci.internal.bindle.ParcelCopy;
import dev.cortado.oci.internal.bindle.ServerClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads bindles (Hippo's and WAGI's packaging: an invoice and its parcels) into the {@link
 * LocalStore}: from a standalone bindle folder ({@code invoice.toml} and {@code
 * parcels/<sha256>.dat}, as bindle's standalone writer lays them out) or from a bindle server
 * ({@code GET <server>/_i/<name>/<version>} for the invoice, {@code .../<version>@<sha256>} for a
 * parcel). Only the parcels WAGI needs are read: each module with a {@code feature.wagi.route} and
 * the asset files it requires. Each parcel's size and SHA-256 are checked against its label before
 * a byte of it is used; one that does not match is not kept.
 *
 * <pre>{@code
 * Bindle b = Bindles.fetch(URI.create("http://localhost:8080/v1"), "example.com/hello/1.0.0",
 *     LocalStore.defaultStore());
 * }</pre>
 *
 * @see <a href="https://github.com/deislabs/bindle/tree/main/docs">the bindle specifications</a>
 */
public final class Bindles {
  /** The largest parcel read (a label announcing more is refused before any download). */
  public static final long MAX_PARCEL = 512L << 20;

  private Bindles() {}

  /**
   * Reads the standalone bindle in {@code folder} (the folder holding {@code invoice.toml}).
   *
   * @throws OciException {@link Kind#NOT_FOUND} if there is no invoice or a needed parcel is
   *     missing; {@link Kind#MALFORMED_PACKAGE} for an invalid invoice; {@link Kind#UNSAFE_ARCHIVE}
   *     for links, oversized files or unsafe names; {@link Kind#DIGEST_MISMATCH} for a parcel that
   *     does not match its label
   */
  public static Bindle readStandalone(Path folder, LocalStore store) {
    Path invoiceFile = folder.resolve("invoice.toml");
    byte[] toml = readSmall(invoiceFile);
    BindleInvoice invoice = BindleInvoice.parse(toml, invoiceFile.toString());
    return withParcels(folder, invoice, toml, store);
  }

  /**
   * Reads only the invoice of the standalone bindle in {@code folder}: nothing is stored.
   *
   * @throws OciException as {@link #readStandalone} does for the invoice
   */
  public static BindleInvoice readStandaloneInvoice(Path folder) {
    Path invoiceFile = folder.resolve("invoice.toml");
    return BindleInvoice.parse(readSmall(invoiceFile), invoiceFile.toString());
  }

  private static Bindle withParcels(
      Path folder, BindleInvoice invoice, byte[] toml, LocalStore store) {
    Map<String, Path> files = new LinkedHashMap<>();
    for (BindleInvoice.Parcel p : needed(invoice).values()) {
      Path file = folder.resolve("parcels").resolve(p.label().sha256() + ".dat");
      String what = "parcel " + p.label().name() + " (" + file + ")";
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new OciException(
            Kind.NOT_FOUND,
            "bindle "
                + invoice.id()
                + " in "
                + folder
                + ": "
                + what
                + " is missing; a standalone bindle must hold every parcel it is served with");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new OciException(
            Kind.UNSAFE_ARCHIVE, what + " is not a regular file (links are not followed)");
      }
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        files.put(p.label().sha256(), ParcelCopy.store(in, p.label(), what, store));
      } catch (IOException e) {
        throw new OciException(Kind.LOCAL_IO, what + ": cannot read: " + e.getMessage(), e);
      }
    }
    return new Bindle(invoice, store.path(store.put(toml)), folder.toString(), files);
  }

  /**
   * Returns the folder of standalone bindle {@code id} ({@code name/version}) under {@code base},
   * as bindle's standalone writer names it: the SHA-256 of the id, in hex.
   */
  public static Path standaloneFolder(Path base, String id) {
    byte[] hash = Digest.newSha256().digest(id.getBytes(StandardCharsets.UTF_8));
    return base.resolve(HexFormat.of().formatHex(hash));
  }

  /**
   * Reads bindle {@code id} ({@code name/version}, the name may hold {@code /}) from the bindle
   * server whose API is at {@code server} (as {@code http://localhost:8080/v1}).
   *
   * @throws OciException {@link Kind#NOT_FOUND} if the server has no such bindle or lacks a needed
   *     parcel; {@link Kind#DENIED} for a yanked or forbidden bindle; {@link Kind#NETWORK} if the
   *     server cannot be reached; and the failures of {@link #readStandalone}
   */
  public static Bindle fetch(URI server, String id, LocalStore store) {
    ServerClient client = new ServerClient(server, id);
    byte[] toml = client.invoice();
    BindleInvoice invoice = BindleInvoice.parse(toml, client.invoiceUri().toString());
    if (!invoice.id().equals(id)) {
      throw InvoiceToml.malformed(
          client.invoiceUri().toString(), "the server answered with bindle " + invoice.id());
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (BindleInvoice.Parcel p : needed(invoice).values()) {
      files.put(p.label().sha256(), client.parcel(p.label(), store));
    }
    return new Bindle(invoice, store.path(store.put(toml)), server.toString(), files);
  }

  /** Returns the parcels WAGI needs, by SHA-256, each once. */
  private static Map<String, BindleInvoice.Parcel> needed(BindleInvoice invoice) {
    Map<String, BindleInvoice.Parcel> out = new LinkedHashMap<>();
    for (WagiParcel w : invoice.wagiParcels()) {
      out.putIfAbsent(w.parcel().label().sha256(), w.parcel());
      w.assets().forEach(a -> out.putIfAbsent(a.label().sha256(), a));
    }
    for (BindleInvoice.Parcel p : out.values()) {
      if (p.label().size() > MAX_PARCEL) {
        throw new OciException(
            Kind.UNSAFE_ARCHIVE,
            "bindle "
                + invoice.id()
                + ": parcel "
                + p.label().name()
                + " says it has "
                + p.label().size()
                + " bytes, more than the "
                + MAX_PARCEL
                + " a parcel may have; not read");
      }
    }
    return out;
  }

  private static byte[] readSmall(Path file) {
    try {
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new OciException(
            Kind.NOT_FOUND,
            file
                + ": no such file; a standalone bindle folder holds invoice.toml and parcels/"
                + " (name the folder, or bindle:NAME/VERSION with --bindle-path)");
      }
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw new OciException(
            Kind.UNSAFE_ARCHIVE, file + " is not a regular file (links are not followed)");
      }
      if (Files.size(file) > InvoiceToml.MAX_INVOICE) {
        throw new OciException(
            Kind.UNSAFE_ARCHIVE,
            file + " is larger than " + InvoiceToml.MAX_INVOICE + " bytes; not an invoice");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
