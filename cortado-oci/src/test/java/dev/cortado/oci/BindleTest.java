package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.testing.BindleServerDouble;
import dev.cortado.oci.testing.BindleWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bindles read from standalone folders and a bindle server double into the store. */
class BindleTest {
  static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};
  static final byte[] STATIC_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0, 0, 4, 'n', 'a', 'm', 'e'};
  static final byte[] IMAGE = "not really a jpeg".getBytes(StandardCharsets.UTF_8);
  static final byte[] STYLE = "body {}".getBytes(StandardCharsets.UTF_8);
  static final byte[] UNUSED = "nobody asks for me".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  /** WAGI's advanced example: two modules, one requiring a group of files, one unmarked file. */
  static BindleWriter example() {
    return new BindleWriter("example.com/hello", "1.0.0")
        .group("files")
        .group("styles")
        .parcel(
            "hello.wasm",
            "application/wasm",
            MODULE,
            Map.of("route", "/", "argv", "${SCRIPT_NAME} x"),
            List.of(),
            List.of())
        .parcel(
            "static.wasm",
            "application/wasm",
            STATIC_MODULE,
            Map.of("route", "/static/...", "allowed_hosts", "https://a.example, https://b.example"),
            List.of(),
            List.of("files"))
        .parcel(
            "images/image.jpeg",
            "image/jpeg",
            IMAGE,
            Map.of("file", "true"),
            List.of("files"),
            List.of("styles"))
        .parcel("site.css", "text/css", STYLE, Map.of("file", "true"), List.of("styles"), List.of())
        .parcel("another.jpeg", "image/jpeg", UNUSED, Map.of(), List.of("files"), List.of());
  }

  LocalStore store() {
    return LocalStore.open(temp.resolve("store"));
  }

  @Test
  void readsAStandaloneBindleIntoTheStore() throws IOException {
    BindleWriter b = example();
    Path folder = b.writeStandalone(temp.resolve("bindle"));
    LocalStore store = store();

    Bindle bindle = Bindles.readStandalone(folder, store);

    BindleInvoice invoice = bindle.invoice();
    assertEquals("example.com/hello/1.0.0", invoice.id());
    assertEquals("a test bindle", invoice.description().orElseThrow());
    assertEquals(List.of("files", "styles"), invoice.groups().stream().map(g -> g.name()).toList());
    assertEquals(5, invoice.parcels().size());
    List<WagiParcel> wagi = invoice.wagiParcels();
    assertEquals(List.of("/", "/static/..."), wagi.stream().map(WagiParcel::route).toList());
    assertEquals("${SCRIPT_NAME} x", wagi.get(0).argv());
    assertEquals(WagiParcel.DEFAULT_ARGV, wagi.get(1).argv());
    assertEquals(List.of("https://a.example", "https://b.example"), wagi.get(1).allowedHosts());
    assertEquals(
        List.of("images/image.jpeg", "site.css"),
        wagi.get(1).assets().stream().map(a -> a.label().name()).toList(),
        "assets come through required groups, transitively; unmarked files are not assets");
    assertTrue(wagi.get(0).assets().isEmpty());
    assertEquals(4, bindle.parcelFiles().size(), "the unmarked file is not read");
    Path image = bindle.file(wagi.get(1).assets().get(0));
    assertArrayEquals(IMAGE, Files.readAllBytes(image));
    assertTrue(image.startsWith(store.root()), "parcels are kept in the store");
    assertTrue(store.contains(new Digest("sha256", BindleWriter.sha256(STYLE))));
    assertFalse(store.contains(new Digest("sha256", BindleWriter.sha256(UNUSED))));
  }

  @Test
  void fetchesABindleFromABindleServer() throws IOException {
    BindleWriter b = example();
    try (BindleServerDouble server = BindleServerDouble.start(temp.resolve("server"))) {
      server.publish(b);
      Bindle bindle = Bindles.fetch(server.url(), b.id(), store());

      assertEquals(2, bindle.invoice().wagiParcels().size());
      assertArrayEquals(
          STATIC_MODULE,
          Files.readAllBytes(bindle.file(bindle.invoice().wagiParcels().get(1).parcel())));
      assertTrue(server.log.contains("/v1/_i/example.com/hello/1.0.0"), server.log.toString());
      assertTrue(
          server.log.contains("/v1/_i/example.com/hello/1.0.0@" + BindleWriter.sha256(MODULE)),
          server.log.toString());
    }
  }

  @Test
  void aParcelWhoseBytesDoNotMatchItsSha256IsNotKept() throws IOException {
    BindleWriter b = example();
    String sha = BindleWriter.sha256(IMAGE);
    try (BindleServerDouble server = BindleServerDouble.start(temp.resolve("server"))) {
      server.publish(b);
      byte[] altered = IMAGE.clone();
      altered[0] ^= 1;
      server.putParcel(sha, altered);
      LocalStore store = store();
      OciException e =
          assertThrows(OciException.class, () -> Bindles.fetch(server.url(), b.id(), store));
      assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind());
      assertTrue(e.getMessage().contains("images/image.jpeg"), e.getMessage());
      assertTrue(e.getMessage().contains("sha256"), e.getMessage());
      assertFalse(store.contains(new Digest("sha256", sha)));
    }
  }

  @Test
  void aServerSendingMoreBytesThanTheLabelIsCutOff() throws IOException {
    BindleWriter b = example();
    String sha = BindleWriter.sha256(MODULE);
    try (BindleServerDouble server = BindleServerDouble.start(temp.resolve("server"))) {
      server.publish(b);
      server.putParcel(sha, new byte[1 << 20]);
      LocalStore store = store();
      OciException e =
          assertThrows(OciException.class, () -> Bindles.fetch(server.url(), b.id(), store));
      assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind());
      assertTrue(e.getMessage().contains("more than the 8 bytes its label gives"), e.getMessage());
      assertFalse(store.contains(new Digest("sha256", sha)));
    }
  }

  @Test
  void aParcelLongerThanItsLabelSaysIsNotKept() {
    BindleWriter b = example();
    Path folder = b.writeStandalone(temp.resolve("bindle"));
    String sha = BindleWriter.sha256(STYLE);
    write(folder.resolve("parcels/" + sha + ".dat"), "body {} and much more");
    LocalStore store = store();
    OciException e = assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store));
    assertEquals(OciException.Kind.DIGEST_MISMATCH, e.kind());
    assertTrue(e.getMessage().contains("more than the 7 bytes its label gives"), e.getMessage());
    assertFalse(store.contains(new Digest("sha256", sha)));
  }

  @Test
  void aMissingParcelIsNamed() throws IOException {
    BindleWriter b = example();
    Path folder = b.writeStandalone(temp.resolve("bindle"));
    Files.delete(folder.resolve("parcels/" + BindleWriter.sha256(MODULE) + ".dat"));
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.NOT_FOUND, e.kind());
    assertTrue(e.getMessage().contains("parcel hello.wasm"), e.getMessage());

    try (BindleServerDouble server = BindleServerDouble.start(temp.resolve("server"))) {
      server.publish(b);
      server.removeParcel(BindleWriter.sha256(MODULE));
      OciException r =
          assertThrows(OciException.class, () -> Bindles.fetch(server.url(), b.id(), store()));
      assertEquals(OciException.Kind.NOT_FOUND, r.kind());
      assertTrue(r.getMessage().contains("parcel hello.wasm"), r.getMessage());
      assertTrue(r.getMessage().contains("resource not found"), r.getMessage());
    }
  }

  @Test
  void anUnknownBindleIsNotFoundOnTheServer() throws IOException {
    try (BindleServerDouble server = BindleServerDouble.start(temp.resolve("server"))) {
      OciException e =
          assertThrows(
              OciException.class, () -> Bindles.fetch(server.url(), "no/such/1.0.0", store()));
      assertEquals(OciException.Kind.NOT_FOUND, e.kind());
      assertTrue(e.getMessage().contains("bindle no/such/1.0.0 is not on"), e.getMessage());
    }
  }

  @Test
  void aTomlSyntaxErrorNamesTheFileAndLine() {
    Path folder = temp.resolve("bindle");
    write(
        folder.resolve("invoice.toml"),
        "bindleVersion = \"1.0.0\"\n[bindle]\nname = \"x\"\nversion = = \"1\"\n");
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.MALFORMED_PACKAGE, e.kind());
    assertTrue(e.getMessage().startsWith(folder.resolve("invoice.toml") + ":4: "), e.getMessage());
  }

  @Test
  void aMissingFieldIsNamed() {
    Path folder = temp.resolve("bindle");
    write(
        folder.resolve("invoice.toml"),
        "bindleVersion = \"1.0.0\"\n[bindle]\nname = \"x\"\nversion = \"1\"\n"
            + "[[parcel]]\n[parcel.label]\nname = \"a\"\nmediaType = \"text/plain\"\nsize = 1\n");
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertTrue(e.getMessage().contains("[[parcel]] #1 label has no sha256"), e.getMessage());
  }

  @Test
  void parcelNamesThatLeaveTheirFolderAreRefused() {
    for (String name : List.of("../escape.txt", "/etc/passwd", "a/../../b", "a\\\\b")) {
      Path folder = temp.resolve("bindle-" + Math.abs(name.hashCode()));
      new BindleWriter("x", "1")
          .parcel(name, "text/plain", STYLE, Map.of("file", "true"), List.of(), List.of())
          .writeStandalone(folder);
      OciException e =
          assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()), name);
      assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind(), name);
      assertTrue(e.getMessage().contains("not a plain relative path"), e.getMessage());
    }
  }

  @Test
  void aParcelThatIsALinkIsRefused() throws IOException {
    BindleWriter b = example();
    Path folder = b.writeStandalone(temp.resolve("bindle"));
    Path parcel = folder.resolve("parcels/" + BindleWriter.sha256(STYLE) + ".dat");
    Path outside = Files.write(temp.resolve("outside.css"), STYLE);
    Files.delete(parcel);
    Files.createSymbolicLink(parcel, outside);
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void anOversizedInvoiceIsRefusedBeforeParsing() {
    Path folder = temp.resolve("bindle");
    write(folder.resolve("invoice.toml"), "# " + "x".repeat(2 << 20) + "\n");
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
  }

  @Test
  void aLabelAnnouncingAHugeParcelIsRefusedBeforeReading() {
    Path folder = temp.resolve("bindle");
    String toml =
        new BindleWriter("x", "1")
            .parcel(
                "m.wasm", "application/wasm", MODULE, Map.of("route", "/"), List.of(), List.of())
            .invoice()
            .replace("size = 8", "size = 99999999999");
    write(folder.resolve("invoice.toml"), toml);
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertTrue(e.getMessage().contains("99999999999 bytes"), e.getMessage());
  }

  @Test
  void aRoutedParcelThatIsNoWasmModuleIsRefused() {
    Path folder =
        new BindleWriter("x", "1")
            .parcel("page.html", "text/html", STYLE, Map.of("route", "/"), List.of(), List.of())
            .writeStandalone(temp.resolve("bindle"));
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertEquals(OciException.Kind.MALFORMED_PACKAGE, e.kind());
    assertTrue(e.getMessage().contains("page.html has a WAGI route (/)"), e.getMessage());
  }

  @Test
  void aParcelInAnUndeclaredGroupIsRefused() {
    Path folder =
        new BindleWriter("x", "1")
            .parcel("a.txt", "text/plain", STYLE, Map.of(), List.of("nowhere"), List.of())
            .writeStandalone(temp.resolve("bindle"));
    OciException e =
        assertThrows(OciException.class, () -> Bindles.readStandalone(folder, store()));
    assertTrue(e.getMessage().contains("names group \"nowhere\""), e.getMessage());
  }

  @Test
  void theStandaloneFolderIsNamedByTheSha256OfTheId() {
    assertEquals(
        temp.resolve(BindleWriter.sha256("example.com/hello/1.0.0".getBytes())),
        Bindles.standaloneFolder(temp, "example.com/hello/1.0.0"));
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
