package dev.cortado.runtime.internal.numeric;

/**
 * Test helpers for float results given as bit patterns: {@code 0x...} for exact bits, or {@code
 * canonical} / {@code arithmetic} for the NaNs the spec allows.
 */
final class FloatBits {
  private FloatBits() {}

  /** Parses {@code 0x...} as the raw bits of an f32. */
  static int f32(String hex) {
    return Integer.parseUnsignedInt(hex.substring(2), 16);
  }

  /** Parses {@code 0x...} as the raw bits of an f64. */
  static long f64(String hex) {
    return Long.parseUnsignedLong(hex.substring(2), 16);
  }

  /** Returns whether f32 {@code bits} matches {@code expected} (bits or a NaN pattern). */
  static boolean matchesF32(String expected, int bits) {
    int magnitude = bits & 0x7FFF_FFFF;
    return switch (expected) {
      case "canonical" -> magnitude == 0x7FC0_0000;
      case "arithmetic" -> (magnitude & 0x7FC0_0000) == 0x7FC0_0000;
      default -> bits == f32(expected);
    };
  }

  /** Returns whether f64 {@code bits} matches {@code expected} (bits or a NaN pattern). */
  static boolean matchesF64(String expected, long bits) {
    long magnitude = bits & Long.MAX_VALUE;
    return switch (expected) {
      case "canonical" -> magnitude == 0x7FF8_0000_0000_0000L;
      case "arithmetic" -> (magnitude & 0x7FF8_0000_0000_0000L) == 0x7FF8_0000_0000_0000L;
      default -> bits == f64(expected);
    };
  }

  /** Describes f32 bits for a failure message. */
  static String describeF32(int bits) {
    return String.format("0x%08X (%s)", bits, Float.intBitsToFloat(bits));
  }

  /** Describes f64 bits for a failure message. */
  static String describeF64(long bits) {
    return String.format("0x%016X (%s)", bits, Double.longBitsToDouble(bits));
  }
}
