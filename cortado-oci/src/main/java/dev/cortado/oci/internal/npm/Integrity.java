package dev.cortado.oci.internal.npm;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The hash a package tarball must have: the strongest of a packument's {@code dist.integrity}
 * (Subresource Integrity, {@code sha512-BASE64}, several separated by spaces), else its {@code
 * dist.shasum} (SHA-1 in hex, what packages published before 2017 have alone).
 *
 * @param algorithm the JDK's name of the hash ({@code SHA-512}, {@code SHA-384}, {@code SHA-256},
 *     {@code SHA-1})
 * @param expected the hash's bytes
 * @param text how the packument wrote it, for messages
 * @see <a href="https://www.w3.org/TR/SRI/#the-integrity-attribute">Subresource Integrity</a>
 */
public record Integrity(String algorithm, byte[] expected, String text) {
  private static final List<String> STRENGTH = List.of("sha512", "sha384", "sha256");

  /**
   * Returns the hash to check from {@code integrity} (may be null) and {@code shasum} (may be
   * null).
   *
   * @throws OciException {@link Kind#REGISTRY_ERROR} when neither gives a hash Cortado can check
   */
  public static Integrity of(String integrity, String shasum, String what) {
    if (integrity != null && !integrity.isBlank()) {
      for (String algorithm : STRENGTH) {
        for (String entry : integrity.strip().split("\\s+")) {
          if (entry.toLowerCase(Locale.ROOT).startsWith(algorithm + "-")) {
            String b64 = entry.substring(algorithm.length() + 1).replaceFirst("\\?.*$", "");
            try {
              return new Integrity(
                  "SHA-" + algorithm.substring(3), Base64.getDecoder().decode(b64), entry);
            } catch (IllegalArgumentException e) {
              throw malformed(what, integrity);
            }
          }
        }
      }
      throw malformed(what, integrity);
    }
    if (shasum != null && shasum.matches("[0-9a-fA-F]{40}")) {
      return new Integrity("SHA-1", HexFormat.of().parseHex(shasum), "sha1 " + shasum);
    }
    throw new OciException(
        Kind.REGISTRY_ERROR,
        what
            + " has neither dist.integrity nor dist.shasum: its tarball cannot be checked, so"
            + " Cortado does not use it");
  }

  private static OciException malformed(String what, String integrity) {
    return new OciException(
        Kind.REGISTRY_ERROR,
        what + " has a dist.integrity Cortado cannot check ('" + integrity + "')");
  }

  /** Returns a new hash to feed the tarball's bytes to. */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** Returns whether {@code md}'s result (consumed by this call) is the expected hash. */
  public boolean matches(MessageDigest md) {
    return MessageDigest.isEqual(md.digest(), expected);
  }
}
