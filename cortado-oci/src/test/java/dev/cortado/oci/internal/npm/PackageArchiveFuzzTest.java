package dev.cortado.oci.internal.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.oci.OciException;
import dev.cortado.oci.testing.TarGz;
import dev.cortado.wasm.testing.TextMutations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated package tarballs (as npm and wapm serve them) read by {@link PackageArchive}: a list of
 * files or an {@link OciException}, never another exception. The mutations aim at the tar reader
 * itself: most headers get their checksum mended after the edit, so that it reads on into the
 * numbers, names, types and extended headers the edit broke.
 *
 * <p>CI reads 3,000. A long run: {@code ./mvnw -o test -pl cortado-oci
 * -Dtest=PackageArchiveFuzzTest -Dcortado.fuzz.count=200000 -Dcortado.fuzz.seed=N}.
 */
class PackageArchiveFuzzTest {
  private static final PackageArchive.Limits LIMITS =
      new PackageArchive.Limits(1 << 20, 4 << 20, 100);

  /** What an edit may write into a numeric field (size, mode, checksum). */
  private static final String[] NUMBERS = {
    "-7",
    "+7",
    "-0",
    "77777777777",
    "7777777777777777777777",
    "9",
    " ",
    "\u0000",
    "0x10",
    "1e3",
    "00000001000",
  };

  /** What an edit may write where a name is. */
  private static final String[] NAMES = {
    "../x",
    "/etc/passwd",
    "package/../../x",
    "a\\b",
    "C:x",
    "",
    "package",
    "package/",
    ".",
    "package/./a",
    "package//b",
    "\u0000",
    "package/\u00e4",
  };

  /** What an edit may write where an extended header's records are. */
  private static final String[] PAX_RECORDS = {
    "2 ",
    "3  \n",
    "0 x",
    "-1 x",
    "99999999999 path=x\n",
    "6 a=b\n",
    "11 size=-7\n",
    "12 size=abc\n",
    "23 size=99999999999999\n",
    "8 path=\n",
    "1",
    " ",
    "17 path=../../x\n",
  };

  @TempDir Path dir;

  @Test
  void aMutatedTarballReadsOrIsRefusedWithAnOciException() throws IOException {
    byte[] seed = seed();
    List<Integer> headers = headers(seed);
    Random random = new Random(TextMutations.seed(20261206L));
    int tries = TextMutations.count(3000);
    Path tgz = dir.resolve("package.tgz");
    Files.write(tgz, TarGz.gzip(seed));
    assertEquals(
        List.of(
            "package/package.json",
            "package/bin/a.wasm",
            "package/" + "deep/".repeat(30) + "module.wasm",
            "package/" + "deep/".repeat(30) + "module.wasm-pax",
            "package/contiguous"),
        PackageArchive.readAll(tgz, "seed", LIMITS).stream().map(k -> k.path()).toList(),
        "the seed reads whole");
    for (int i = 0; i < tries; i++) {
      byte[] tar = mutate(seed, headers, random);
      Files.write(tgz, TarGz.gzip(tar));
      for (boolean npm : new boolean[] {true, false}) {
        try {
          if (npm) {
            PackageArchive.read(tgz, "tarball", LIMITS, path -> path.endsWith(".wasm"));
          } else {
            PackageArchive.readAll(tgz, "tarball", LIMITS);
          }
        } catch (OciException expected) {
          // refused, with a message
        } catch (RuntimeException e) {
          throw new AssertionError(
              "unexpected " + e + " for the tar (hex):\n" + HexFormat.of().formatHex(tar), e);
        }
      }
    }
  }

  /** A package using every kind of entry the reader knows. */
  private static byte[] seed() {
    String longName = "package/" + "deep/".repeat(30) + "module.wasm";
    return TarGz.builder()
        .file("package.json", "{\"name\":\"p\",\"version\":\"1.0.0\"}")
        .entry("package/bin", '5', new byte[0], "")
        .entry("PaxHeader", 'x', bytes("27 path=package/bin/a.wasm\n10 size=8\n"), "")
        .entry("ignored", '0', bytes("\0asm\1\0\0\0"), "")
        .entry("././@LongLink", 'L', bytes(longName + "\0"), "")
        .entry("ignored", '0', new byte[700], "")
        .entry(longName + "-pax", '0', bytes("x".repeat(40)), "")
        .entry("package/contiguous", '7', bytes("c"), "")
        .tar();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The offsets of the seed's header blocks. */
  private static List<Integer> headers(byte[] tar) {
    List<Integer> offsets = new ArrayList<>();
    int at = 0;
    while (at + 512 <= tar.length && tar[at] != 0) {
      offsets.add(at);
      String size = new String(tar, at + 124, 11, StandardCharsets.US_ASCII);
      long n = Long.parseLong(size, 8);
      at += 512 + (int) ((n + 511) / 512 * 512);
    }
    return offsets;
  }

  private static byte[] mutate(byte[] seed, List<Integer> headers, Random random) {
    byte[] tar = seed.clone();
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int header = headers.get(random.nextInt(headers.size()));
      if (header + 1024 > tar.length) {
        continue; // cut off by an earlier edit
      }
      switch (random.nextInt(7)) {
        case 0 -> put(tar, header + pick(random, 100, 108, 124, 148), pick(random, NUMBERS), 12);
        case 1 -> tar[header + 156] = (byte) "0125xgLK7\0Z6".charAt(random.nextInt(12));
        case 2 -> put(tar, header + pick(random, 0, 345), pick(random, NAMES), 100);
        case 3 -> put(tar, header + 512, pick(random, PAX_RECORDS), 40);
        case 4 -> {
          // a base-256 number: the high bit set, then bytes
          tar[header + 124] = (byte) (0x80 | random.nextInt(256));
          for (int i = 125; i < 136; i++) {
            tar[header + i] = (byte) random.nextInt(256);
          }
        }
        case 5 -> tar[random.nextInt(tar.length)] = (byte) random.nextInt(256);
        default -> tar = Arrays.copyOf(tar, random.nextInt(tar.length));
      }
    }
    if (random.nextInt(5) != 0) {
      for (int header : headers) {
        if (header + 512 <= tar.length) {
          TarGz.checksum(tar, header);
        }
      }
    }
    return tar;
  }

  private static void put(byte[] tar, int at, String text, int field) {
    byte[] b = Arrays.copyOf(bytes(text), Math.min(field, bytes(text).length + 1));
    System.arraycopy(b, 0, tar, at, b.length);
  }

  private static int pick(Random random, int... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }
}
