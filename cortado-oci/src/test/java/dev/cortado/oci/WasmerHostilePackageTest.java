package dev.cortado.oci;

import static dev.cortado.oci.testing.WebcWriter.dir;
import static dev.cortado.oci.testing.WebcWriter.pointer;
import static dev.cortado.oci.testing.WebcWriter.rawFile;
import static dev.cortado.oci.testing.WebcWriter.wasiCommand;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.WasmerPackage.Limits;
import dev.cortado.oci.testing.TarGz;
import dev.cortado.oci.testing.WebcWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages no reader should accept, and the one clear error each gets. */
class WasmerHostilePackageTest {
  @TempDir Path dir;

  private static final byte[] MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};
  private static final byte[] MARKER = "MARKER-CONTENT-0123456789".getBytes(UTF_8);

  private static WebcWriter valid(WebcWriter w) {
    return w.manifest(Map.of("commands", Map.of("run", wasiCommand("run"))))
        .atom("run", MODULE)
        .volume("data", Map.of("file.txt", MARKER));
  }

  private OciException refused(Kind kind, String fragment, byte[] bytes, String name)
      throws IOException {
    return refused(kind, fragment, bytes, name, Limits.defaults());
  }

  private OciException refused(Kind kind, String fragment, byte[] bytes, String name, Limits limits)
      throws IOException {
    Path folder = Files.createTempDirectory(dir, "case");
    Path file = Files.write(folder.resolve(name), bytes);
    OciException e = assertThrows(OciException.class, () -> WasmerPackage.read(file, limits));
    assertEquals(kind, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains(name), "names the file: " + e.getMessage());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(file), files.toList(), "nothing written");
    }
    return e;
  }

  private static byte[] flip(byte[] bytes, byte[] inside) {
    byte[] copy = bytes.clone();
    for (int i = 0; i + inside.length <= copy.length; i++) {
      if (Arrays.equals(copy, i, i + inside.length, inside, 0, inside.length)) {
        copy[i + 3] ^= 1;
        return copy;
      }
    }
    throw new AssertionError("marker not found");
  }

  @Test
  void refusesAWebcFileWithoutTheMagicNumber() throws IOException {
    refused(
        Kind.MALFORMED_PACKAGE,
        "does not start with webc's magic number",
        "not webc".getBytes(UTF_8),
        "a.webc");
  }

  @Test
  void refusesWebcVersion1AndUnknownVersions() throws IOException {
    byte[] v1 = valid(WebcWriter.v3()).build();
    v1[7] = '1';
    refused(
        Kind.MALFORMED_PACKAGE, "version 1 file; Cortado reads versions 2 and 3", v1, "v1.webc");
    byte[] v9 = valid(WebcWriter.v3()).build();
    v9[7] = '9';
    refused(Kind.MALFORMED_PACKAGE, "its version '009' is not a webc version", v9, "v9.webc");
  }

  @Test
  void refusesATruncatedFile() throws IOException {
    byte[] whole = valid(WebcWriter.v2()).build();
    refused(
        Kind.MALFORMED_PACKAGE,
        "lies outside",
        Arrays.copyOf(whole, whole.length - 10),
        "cut.webc");
    refused(Kind.MALFORMED_PACKAGE, "truncated", Arrays.copyOf(whole, 12), "short.webc");
  }

  @Test
  void refusesAnIndexSectionOfTheWrongKind() throws IOException {
    byte[] bytes = valid(WebcWriter.v3()).build();
    bytes[8] = 1;
    refused(Kind.MALFORMED_PACKAGE, "has tag 1, not the index's (2)", bytes, "tag.webc");
  }

  @Test
  void refusesAFileWhoseRangeLiesOutsideTheData() throws IOException {
    byte[] bytes =
        WebcWriter.v2()
            .manifest(Map.of())
            .volume("data", dir("big", rawFile(0, 1 << 20, new byte[32])))
            .build();
    refused(
        Kind.MALFORMED_PACKAGE,
        "the bytes of big at offset 0 (1048576 bytes) lies outside",
        bytes,
        "range.webc");
  }

  @Test
  void refusesNamesThatClimbOutOrHideSeparators() throws IOException {
    for (String name : List.of("..", ".", "", "a/b", "/etc", "a\\b", "nul\0")) {
      byte[] bytes =
          WebcWriter.v3()
              .manifest(Map.of())
              .volume("data", dir(name, new WebcWriter.File(MARKER)))
              .build();
      refused(Kind.UNSAFE_ARCHIVE, "is not a plain name", bytes, "name.webc");
    }
  }

  @Test
  void refusesADirectoryThatContainsItself() throws IOException {
    byte[] bytes =
        WebcWriter.v2().manifest(Map.of()).volume("data", dir("loop", pointer(0))).build();
    refused(Kind.MALFORMED_PACKAGE, "points at an entry already read (a loop)", bytes, "loop.webc");
  }

  @Test
  void refusesAnEntryOutsideTheHeader() throws IOException {
    byte[] bytes =
        WebcWriter.v2().manifest(Map.of()).volume("data", dir("far", pointer(1L << 30))).build();
    refused(Kind.MALFORMED_PACKAGE, "points at offset 1073741824, outside", bytes, "far.webc");
  }

  @Test
  void refusesAFileWhoseBytesDoNotMatchItsHash() throws IOException {
    byte[] bytes = flip(valid(WebcWriter.v2()).withoutChecksums().build(), MARKER);
    refused(
        Kind.DIGEST_MISMATCH,
        "the bytes of file.txt do not match their SHA-256",
        bytes,
        "file.webc");
  }

  @Test
  void refusesASectionThatDoesNotMatchTheIndexChecksum() throws IOException {
    byte[] bytes = flip(valid(WebcWriter.v2()).build(), MARKER);
    refused(
        Kind.DIGEST_MISMATCH,
        "volume data section does not match the index's checksum",
        bytes,
        "sum.webc");
  }

  @Test
  void refusesAVersion3SectionThatDoesNotMatchItsHash() throws IOException {
    byte[] bytes = flip(valid(WebcWriter.v3()).build(), MARKER);
    refused(
        Kind.DIGEST_MISMATCH,
        "volume data section's data does not match its SHA-256",
        bytes,
        "hash.webc");
  }

  @Test
  void refusesAVolumeWhoseFilesShareBytesToUnpackToTooMuch() throws IOException {
    byte[] block = new byte[64 << 10];
    Map<String, byte[]> files = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      files.put("f" + i, block);
    }
    byte[] bytes = WebcWriter.v3().manifest(Map.of()).volume("bomb", files).build();
    assertTrue(bytes.length < 200_000, "small on disk: " + bytes.length);
    refused(
        Kind.UNSAFE_ARCHIVE,
        "it unpacks to more than 16777216 bytes",
        bytes,
        "bomb.webc",
        new Limits(1L << 30, 16L << 20, 16L << 20, 100_000));
  }

  @Test
  void refusesAManifestAboveTheLimit() throws IOException {
    byte[] bytes =
        WebcWriter.v3().manifest(Map.of("package", Map.of("note", "x".repeat(8192)))).build();
    refused(
        Kind.UNSAFE_ARCHIVE,
        "its manifest is",
        bytes,
        "big.webc",
        new Limits(1L << 30, 4096, 1L << 30, 100_000));
  }

  @Test
  void refusesAManifestThatIsNotCbor() throws IOException {
    byte[] bytes = WebcWriter.v3().rawManifest(new byte[] {(byte) 0xff, 0x01}).build();
    refused(Kind.MALFORMED_PACKAGE, "the manifest is not valid CBOR", bytes, "junk.webc");
  }

  @Test
  void aManifestCutShortIsReportedWithoutTheReadersInsides() throws IOException {
    // A map of two entries holding one: the CBOR ends inside it.
    byte[] manifest = {(byte) 0xa2, 0x61, 'x', 0x01};
    byte[] bytes = WebcWriter.v2().rawManifest(manifest).build();
    OciException e =
        refused(Kind.MALFORMED_PACKAGE, "the manifest is not valid CBOR", bytes, "short.webc");
    assertFalse(e.getMessage().contains("dev.cortado"), e.getMessage());
    assertFalse(e.getMessage().contains("Source"), e.getMessage());
  }

  @Test
  void refusesAManifestThatDeclaresMoreBytesThanItHolds() throws IOException {
    // A byte string (major type 2) declaring 2^31 - 1 bytes, then three.
    byte[] manifest = {
      (byte) 0xa1, 0x61, 'x', 0x5a, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 1, 2, 3
    };
    byte[] bytes = WebcWriter.v2().rawManifest(manifest).build();
    refused(Kind.MALFORMED_PACKAGE, "the manifest is not valid CBOR", bytes, "claims.webc");
  }

  @Test
  void refusesAManifestThatIsNotAMap() throws IOException {
    byte[] bytes = WebcWriter.v2().manifest(List.of(1, 2)).build();
    refused(Kind.MALFORMED_PACKAGE, "the manifest is not a map", bytes, "list.webc");
  }

  @Test
  void refusesACommandWhoseAtomIsMissing() throws IOException {
    byte[] bytes =
        WebcWriter.v3().manifest(Map.of("commands", Map.of("run", wasiCommand("gone")))).build();
    refused(
        Kind.MALFORMED_PACKAGE,
        "command 'run' runs atom 'gone', which the package does not hold",
        bytes,
        "atom.webc");
  }

  @Test
  void refusesAMountOfAMissingVolume() throws IOException {
    byte[] bytes =
        WebcWriter.v3()
            .manifest(
                Map.of("package", Map.of("fs", List.of(WebcWriter.fsMapping("gone", "/", "/x")))))
            .build();
    refused(
        Kind.MALFORMED_PACKAGE,
        "it mounts volume 'gone', which it does not hold",
        bytes,
        "mount.webc");
  }

  private static byte[] tarball(String toml, String name, char type, byte[] bytes, String link) {
    return TarGz.builder()
        .entry("wapm.toml", '0', toml.getBytes(UTF_8), "")
        .entry(name, type, bytes, link)
        .build();
  }

  @Test
  void refusesTarballEntriesThatClimbOutAreAbsoluteOrLinks() throws IOException {
    String toml = "[package]\nname = \"x\"\n";
    refused(
        Kind.UNSAFE_ARCHIVE,
        "climbs out of the package with '..'",
        tarball(toml, "../evil", '0', MARKER, ""),
        "up.tar.gz");
    refused(
        Kind.UNSAFE_ARCHIVE,
        "has an absolute path",
        tarball(toml, "/etc/evil", '0', MARKER, ""),
        "abs.tar.gz");
    refused(
        Kind.UNSAFE_ARCHIVE,
        "is a link",
        tarball(toml, "data/link", '2', new byte[0], "/etc/passwd"),
        "link.tar.gz");
  }

  @Test
  void refusesATarballThatUnpacksToMoreThanTheLimit() throws IOException {
    byte[] bytes = tarball("[package]\n", "zeros", '0', new byte[8 << 20], "");
    assertTrue(bytes.length < 100_000, "small on disk: " + bytes.length);
    refused(
        Kind.UNSAFE_ARCHIVE,
        "unpacks to 8388608 bytes, more than the limit",
        bytes,
        "bomb.tar.gz",
        new Limits(1L << 30, 1 << 20, 1 << 20, 100_000));
    refused(
        Kind.UNSAFE_ARCHIVE,
        "more than the limit",
        bytes,
        "held.tar.gz",
        new Limits(1 << 20, 1 << 20, 1L << 30, 100_000));
  }

  @Test
  void refusesTarballManifestsThatPointOutsideOrAtNothing() throws IOException {
    refused(
        Kind.MALFORMED_PACKAGE,
        "it holds no wapm.toml",
        TarGz.builder().entry("x.wasm", '0', MODULE, "").build(),
        "none.tar.gz");
    String up = "[[module]]\nname = \"m\"\nsource = \"../m.wasm\"\nabi = \"wasi\"\n";
    refused(
        Kind.UNSAFE_ARCHIVE,
        "climbs out with '..'",
        tarball(up, "m.wasm", '0', MODULE, ""),
        "up.tar.gz");
    String unknown = "[[command]]\nname = \"c\"\nmodule = \"nope\"\n";
    refused(
        Kind.MALFORMED_PACKAGE,
        "command 'c' runs module 'nope', which the package does not define",
        tarball(unknown, "m.wasm", '0', MODULE, ""),
        "cmd.tar.gz");
    refused(
        Kind.MALFORMED_PACKAGE,
        "its wapm.toml does not parse",
        tarball("[package\n", "m.wasm", '0', MODULE, ""),
        "toml.tar.gz");
  }

  @Test
  void refusesAFileThatIsNeitherWebcNorGzip() throws IOException {
    refused(
        Kind.REGISTRY_ERROR,
        "is not a gzip-compressed tar archive",
        "plain".getBytes(UTF_8),
        "p.tar.gz");
  }
}
