package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.oci.testing.WebcWriter;
import dev.cortado.wasm.testing.TextMutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated {@code .webc} files read by {@link WasmerPackage#read}: a package or an {@link
 * OciException}, never another exception. The seed is a version 2 file without checksums, the one
 * form whose every byte reaches the readers of the index, the manifest and the volumes' trees
 * (version 3 and checksums would refuse nearly every edit at the hash), holding {@link
 * WasmerPackageTest#hello}'s package. A package that reads is also used as a caller would: its
 * commands, atoms, mounts and files.
 *
 * <p>CI reads 3,000. A long run: {@code ./mvnw -o test -pl cortado-oci -Dtest=WebcFuzzTest
 * -Dcortado.fuzz.count=200000 -Dcortado.fuzz.seed=N}.
 */
class WebcFuzzTest {
  @TempDir Path dir;

  @Test
  void aMutatedWebcFileReadsOrIsRefusedWithAnOciException() throws IOException {
    byte[] seed = seed();
    Path file = dir.resolve("package.webc");
    Files.write(file, seed);
    assertEquals(2, WasmerPackage.read(file).commands().size(), "the seed reads");
    Random random = new Random(TextMutations.seed(20261206L));
    int tries = TextMutations.count(3000);
    for (int i = 0; i < tries; i++) {
      byte[] bytes = mutate(seed, random);
      Files.write(file, bytes);
      try {
        use(WasmerPackage.read(file));
      } catch (OciException expected) {
        // refused, with a message
      } catch (RuntimeException e) {
        throw new AssertionError(
            "unexpected " + e + " for the file (hex):\n" + HexFormat.of().formatHex(bytes), e);
      }
    }
  }

  private static byte[] seed() {
    return WasmerPackageTest.hello(WebcWriter.v2().withoutChecksums()).build();
  }

  /** Uses what a package offers, as `cortado run` and the store do. */
  private static void use(WasmerPackage p) {
    p.name();
    p.version();
    p.mounts();
    for (WasmerCommand c : p.commands()) {
      p.command(Optional.of(c.name()));
    }
    for (String atom : p.atoms().keySet()) {
      p.atom(atom);
    }
    for (WasmerVolume v : p.volumes()) {
      v.digest();
      for (WasmerVolume.File f : v.files().values()) {
        ByteBuffer content = f.content();
        content.get(new byte[content.remaining()]);
      }
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = 8 + random.nextInt(bytes.length - 8);
      switch (random.nextInt(6)) {
        case 0 -> {
          bytes = bytes.clone();
          bytes[at] = (byte) random.nextInt(256);
        }
        case 1 -> {
          // a length or an offset: small, large, or just past where it should be
          bytes = bytes.clone();
          long value =
              switch (random.nextInt(4)) {
                case 0 -> random.nextInt(64);
                case 1 -> -1L;
                case 2 -> 1L << (31 + random.nextInt(32));
                default -> bytes.length + random.nextInt(16) - 8;
              };
          for (int i = 0; i < 8 && at + i < bytes.length; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
          }
        }
        case 2 -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(bytes, 0, at);
          byte[] insert = new byte[1 + random.nextInt(8)];
          random.nextBytes(insert);
          out.writeBytes(insert);
          out.write(bytes, at, bytes.length - at);
          bytes = out.toByteArray();
        }
        case 3 -> {
          int cut = Math.min(1 + random.nextInt(8), bytes.length - at);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          out.write(bytes, 0, at);
          out.write(bytes, at + cut, bytes.length - at - cut);
          bytes = out.toByteArray();
        }
        case 4 -> bytes = java.util.Arrays.copyOf(bytes, at);
        default -> {
          // a CBOR head: major type and length bits
          bytes = bytes.clone();
          bytes[at] = (byte) ((random.nextInt(8) << 5) | random.nextInt(32));
        }
      }
      if (bytes.length <= 8) {
        return bytes;
      }
    }
    return bytes;
  }
}
