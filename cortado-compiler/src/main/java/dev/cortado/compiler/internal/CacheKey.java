package dev.cortado.compiler.internal;

import dev.cortado.runtime.internal.compiled.CodeVersion;
import dev.cortado.runtime.internal.compiled.TextChecksum;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a module's generated code depends on: the module's SHA-256, the Cortado version, the runtime
 * contract ({@link CodeVersion#ABI}), the compiler's {@link CompilerVersion#CODEGEN} and the
 * options that change code, as 32 bytes (24 of the module's digest, 8 of a checksum of all of it).
 * Equal keys mean interchangeable classes.
 */
final class CacheKey {
  private final String moduleSha256;
  private final byte[] digest;

  private CacheKey(String moduleSha256, byte[] digest) {
    this.moduleSha256 = moduleSha256;
    this.digest = digest;
  }

  /** Returns the key of the module with SHA-256 {@code moduleSha256} for this build. */
  static CacheKey of(String moduleSha256) {
    return of(
        moduleSha256,
        CodeVersion.CORTADO,
        CodeVersion.ABI,
        CompilerVersion.CODEGEN,
        CompilerVersion.OPTIONS + ";emitters=" + CompilerVersion.EMITTERS);
  }

  /** Returns the key of a module for the given versions and options. */
  static CacheKey of(String moduleSha256, String cortado, int abi, int codegen, String options) {
    String text =
        "cortado-code-cache\nmodule="
            + moduleSha256
            + "\ncortado="
            + cortado
            + "\nabi="
            + abi
            + "\ncodegen="
            + codegen
            + "\noptions="
            + options
            + "\n";
    // The module's own digest (its first 24 bytes) and a checksum of the whole text (8 bytes): the
    // digest sets modules apart, the checksum the versions and options of one module, texts
    // Cortado writes itself. No SHA-256 here: the first MessageDigest of a process sets up the
    // JDK's security providers, ~15 ms of a start that finds its code in the cache.
    byte[] digest = Arrays.copyOf(HexFormat.of().parseHex(moduleSha256), 32);
    ByteBuffer.wrap(digest, 24, 8).putLong(TextChecksum.of(text));
    return new CacheKey(moduleSha256, digest);
  }

  /** Returns the module's SHA-256 in hex. */
  String moduleSha256() {
    return moduleSha256;
  }

  /** Returns the key's 32 bytes. */
  byte[] bytes() {
    return digest.clone();
  }

  /** Returns whether {@code bytes} are this key's bytes. */
  boolean matches(byte[] bytes) {
    return Arrays.equals(digest, bytes);
  }

  /** Returns the key in hex: the entry's file name. */
  String hex() {
    return HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && Arrays.equals(digest, k.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return hex();
  }
}
