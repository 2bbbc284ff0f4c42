package dev.cortado.wasm.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import dev.cortado.wasm.internal.ByteReader;
import java.util.HexFormat;
import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteReaderTest {
  private static ByteReader reader(String hex) {
    byte[] b = HexFormat.of().parseHex(hex);
    return new ByteReader(b, 0, b.length, 0, "test");
  }

  private static ToLongFunction<ByteReader> decoder(String kind) {
    return switch (kind) {
      case "u32" -> r -> Integer.toUnsignedLong(r.u32());
      case "s32" -> ByteReader::s32;
      case "s33" -> ByteReader::s33;
      case "s64" -> ByteReader::s64;
      case "u64" -> ByteReader::u64;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
    "u32, 00, 0",
    "u32, 7f, 127",
    "u32, 8001, 128",
    "u32, 8080808000, 0",
    "u32, ffffffff0f, 4294967295",
    "s32, 7f, -1",
    "s32, 3f, 63",
    "s32, 40, -64",
    "s32, 8080808078, -2147483648",
    "s32, ffffffff07, 2147483647",
    "s32, ffffffff7f, -1",
    "s33, 40, -64",
    "s33, ffffffff0f, 4294967295",
    "s33, 8080808070, -4294967296",
    "s64, 808080808080808080 7f, -9223372036854775808",
    "s64, ffffffffffffffffff 00, 9223372036854775807",
    "s64, ffffffffffffffffff 7f, -1",
    "u64, ffffffffffffffffff 01, -1",
  })
  void decodesLeb128(String kind, String hex, long expected) {
    ByteReader r = reader(hex.replace(" ", ""));
    assertEquals(expected, decoder(kind).applyAsLong(r));
    assertTrue(r.atEnd(), "consumed every byte");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "u32, 8080808080 00, integer representation too long",
    "u32, ffffffff1f, integer too large",
    "u32, 808080, unexpected end",
    "s32, 8080808080 00, integer representation too long",
    "s32, ffffffff0f, integer too large",
    "s32, 8080808070, integer too large",
    "s33, ffffffff1f, integer too large",
    "s64, 80808080808080808080 00, integer representation too long",
    "s64, ffffffffffffffffff 01, integer too large",
    "u64, ffffffffffffffffff 02, integer too large",
  })
  void rejectsMalformedLeb128(String kind, String hex, String problem) {
    ByteReader r = reader(hex.replace(" ", ""));
    MalformedException e =
        assertThrows(MalformedException.class, () -> decoder(kind).applyAsLong(r));
    assertTrue(e.problem().startsWith(problem), e.problem());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"'0a 61626364656667686970', abcdefghip", "'03 e282ac', €", "'00', ''"})
  void decodesUtf8Names(String hex, String expected) {
    assertEquals(expected, reader(hex.replace(" ", "")).name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "02 c0af", // overlong '/'
    "03 eda080", // UTF-16 surrogate
    "01 ff",
    "04 f4908080", // above U+10FFFF
  })
  void rejectsMalformedUtf8Names(String hex) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> reader(hex.replace(" ", "")).name());
    assertEquals("malformed UTF-8 encoding", e.problem());
  }

  @ParameterizedTest(name = "count {0}")
  @CsvSource({"ffffffff0f", "8080808008"})
  void rejectsCountsLargerThanTheInputBeforeAllocating(String hex) {
    MalformedException e =
        assertThrows(MalformedException.class, () -> reader(hex + "0000").count());
    assertTrue(e.problem().startsWith("unexpected end of section or function"), e.problem());
  }
}
