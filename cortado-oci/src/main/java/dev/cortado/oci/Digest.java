package dev.cortado.oci;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest such as {@code sha256:2c26b4...}. Only {@code sha256} is produced; {@code
 * sha512} is accepted when parsing and verified with the same rules.
 *
 * @param algorithm {@code sha256} or {@code sha512}
 * @param hex the lowercase hexadecimal digest
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.0/descriptor.md#digests">image-spec
 *     digests</a>
 */
public record Digest(String algorithm, String hex) {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  /** Checks the parts. */
  public Digest {
    boolean ok =
        switch (algorithm) {
          case "sha256" -> SHA256.matcher(hex).matches();
          case "sha512" -> SHA512.matcher(hex).matches();
          default -> false;
        };
    if (!ok) {
      throw new OciException(
          OciException.Kind.INVALID_REFERENCE,
          "invalid digest '" + algorithm + ":" + hex + "': expected sha256:<64 lowercase hex>");
    }
  }

  /** Parses {@code algorithm:hex}. */
  public static Digest parse(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new OciException(
          OciException.Kind.INVALID_REFERENCE,
          "invalid digest '" + text + "': expected sha256:<64 lowercase hex>");
    }
    return new Digest(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Returns the SHA-256 digest of {@code bytes}. */
  public static Digest sha256(byte[] bytes) {
    MessageDigest md = newSha256();
    return new Digest("sha256", HexFormat.of().formatHex(md.digest(bytes)));
  }

  /** Returns a new message digest for this digest's algorithm, to verify bytes as they stream. */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** Returns whether {@code md}'s result (consumed by this call) equals this digest. */
  public boolean matches(MessageDigest md) {
    return HexFormat.of().formatHex(md.digest()).equals(hex);
  }

  /** Returns a new SHA-256 message digest. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  /** Returns the digest of what {@code md} has read (consuming it). */
  public static Digest sha256Of(MessageDigest md) {
    return new Digest("sha256", HexFormat.of().formatHex(md.digest()));
  }

  /** Returns {@code algorithm:hex}. */
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }
}
