package dev.cortado.oci.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a registry's error answer ({@code {"errors":[{"code","message","detail"}]}}, or a bare
 * status with plain text) into an {@link OciException} whose message says what to do.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#error-codes">distribution-spec
 *     error codes</a>
 */
public final class RegistryErrors {
  private RegistryErrors() {}

  /** One entry of an error body. */
  record Entry(String code, String message) {}

  /** Returns the entries of {@code body}, empty when it is not an error document. */
  static List<Entry> parse(byte[] body) {
    List<Entry> entries = new ArrayList<>();
    try {
      JsonNode root = new ObjectMapper().readTree(body);
      if (root != null) {
        for (JsonNode e : root.path("errors")) {
          entries.add(new Entry(e.path("code").asText(""), e.path("message").asText("")));
        }
      }
    } catch (IOException e) {
      // Not JSON: a proxy's page or plain text; the status decides.
    }
    return entries;
  }

  /**
   * Returns the exception for a failed exchange.
   *
   * @param status the HTTP status
   * @param body the (possibly truncated) body
   * @param registry the registry, for the message
   * @param what what was being done, e.g. {@code "pull manifest acme/app:1.0"}
   * @param hadCredentials whether credentials were sent
   */
  public static OciException toException(
      int status, byte[] body, String registry, String what, boolean hadCredentials) {
    List<Entry> entries = parse(body);
    String codes = entries.isEmpty() ? "" : entries.get(0).code();
    String detail = describe(status, entries, body);
    String login = "run 'cortado login " + registry + "'";
    if (status == 401 || codes.equals("UNAUTHORIZED")) {
      return new OciException(
          Kind.UNAUTHORIZED,
          hadCredentials
              ? "cannot " + what + ": " + registry + " refused the credentials; " + login + " again"
              : "cannot " + what + ": " + registry + " requires authentication; " + login);
    }
    if (status == 403 || codes.equals("DENIED")) {
      return new OciException(
          Kind.DENIED,
          "cannot "
              + what
              + ": access denied by "
              + registry
              + " ("
              + detail
              + "); check that your account may do this");
    }
    if (codes.equals("NAME_UNKNOWN")) {
      return new OciException(
          Kind.NAME_UNKNOWN, "cannot " + what + ": the repository does not exist on " + registry);
    }
    if (codes.equals("MANIFEST_UNKNOWN") || codes.equals("BLOB_UNKNOWN") || status == 404) {
      return new OciException(Kind.NOT_FOUND, "cannot " + what + ": not found (" + detail + ")");
    }
    if (status == 429 || codes.equals("TOOMANYREQUESTS")) {
      return new OciException(
          Kind.RATE_LIMITED,
          "cannot " + what + ": " + registry + " is rate limiting requests; try again later");
    }
    if (codes.equals("DIGEST_INVALID") || codes.equals("MANIFEST_BLOB_UNKNOWN")) {
      return new OciException(
          Kind.REGISTRY_ERROR,
          "cannot " + what + ": " + registry + " rejected it (" + detail + ")");
    }
    if (status >= 500) {
      return new OciException(
          Kind.REGISTRY_ERROR,
          "cannot " + what + ": " + registry + " failed (" + detail + "); try again later");
    }
    return new OciException(
        Kind.REGISTRY_ERROR, "cannot " + what + ": " + registry + " answered " + detail);
  }

  private static String describe(int status, List<Entry> entries, byte[] body) {
    if (!entries.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (Entry e : entries) {
        parts.add(e.code() + (e.message().isEmpty() ? "" : ": " + e.message()));
      }
      return "HTTP " + status + ", " + String.join("; ", parts);
    }
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty() || text.length() > 200 || text.startsWith("<")) {
      return "HTTP " + status;
    }
    return "HTTP " + status + ", " + text;
  }
}
