package dev.cortado.oci.internal.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cortado.oci.OciException;
import dev.cortado.oci.testing.TarGz;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers and extended headers of a tarball that a tar writer would never write. */
class PackageArchiveTest {
  private static final PackageArchive.Limits LIMITS =
      new PackageArchive.Limits(1 << 20, 4 << 20, 100);

  @TempDir Path dir;

  @Test
  void aSignedSizeIsNotAnOctalNumber() throws IOException {
    byte[] tar = TarGz.builder().file("a.wasm", "abc").tar();
    put(tar, 124, "-0000000007");
    TarGz.checksum(tar, 0);
    OciException e = assertThrows(OciException.class, () -> readAll(tar));
    assertEquals(OciException.Kind.REGISTRY_ERROR, e.kind());
    assertEquals(
        "the package p is not a valid tar archive (bad number field '-0000000007')",
        e.getMessage());
  }

  @Test
  void anExtendedHeaderGivingANegativeSizeIsRefused() {
    byte[] tar =
        TarGz.builder()
            .entry("PaxHeader", 'x', bytes("11 size=-7\n"), "")
            .file("a.wasm", "abc")
            .tar();
    OciException e = assertThrows(OciException.class, () -> readAll(tar));
    assertEquals(OciException.Kind.UNSAFE_ARCHIVE, e.kind());
    assertEquals(
        "the package p is unsafe and was not used: an extended header gives the size '-7'",
        e.getMessage());
  }

  @Test
  void anExtendedHeaderRecordWithNothingAfterItsLengthIsSkipped() throws IOException {
    byte[] tar =
        TarGz.builder().entry("PaxHeader", 'x', bytes("2 "), "").file("a.wasm", "abc").tar();
    List<PackageArchive.Kept> files = readAll(tar);
    assertEquals("package/a.wasm", files.get(0).path());
    assertEquals("abc", new String(files.get(0).bytes(), StandardCharsets.UTF_8));
  }

  private List<PackageArchive.Kept> readAll(byte[] tar) throws IOException {
    Path tgz = Files.write(dir.resolve("p.tgz"), TarGz.gzip(tar));
    return PackageArchive.readAll(tgz, "package p", LIMITS);
  }

  private static void put(byte[] tar, int at, String text) {
    byte[] b = bytes(text);
    System.arraycopy(b, 0, tar, at, b.length);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
