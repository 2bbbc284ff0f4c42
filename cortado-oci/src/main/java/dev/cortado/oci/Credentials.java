package dev.cortado.oci;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A user name and password (or token) for a registry. {@link #toString()} never shows the password.
 *
 * @param username the user name
 * @param password the password or access token
 */
public record Credentials(String username, String password) {
  /** Returns the value of a Basic {@code Authorization} header. */
  public String basicHeader() {
    return "Basic " + encoded();
  }

  /** Returns base64 of {@code username:password}, as Docker's {@code config.json} keeps it. */
  public String encoded() {
    return Base64.getEncoder()
        .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes base64 {@code username:password}, if that is what {@code auth} holds. */
  public static Optional<Credentials> decode(String auth) {
    try {
      String plain = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
      int colon = plain.indexOf(':');
      return colon <= 0
          ? Optional.empty()
          : Optional.of(new Credentials(plain.substring(0, colon), plain.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***]";
  }
}
