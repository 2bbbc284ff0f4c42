package dev.cortado.oci.internal;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Addresses a registry sends for the client to follow (a redirect, an upload's {@code Location}, a
 * token realm, the next page of a tag list): resolved against the address they came from and
 * followed only if they are HTTP or HTTPS addresses with a host. What a registry sends is not
 * trusted to parse, and a {@code file:} or {@code ftp:} address is not one to follow.
 */
public final class HttpAddresses {
  private HttpAddresses() {}

  /** Returns whether {@code uri} is an HTTP or HTTPS address with a host. */
  public static boolean isHttp(URI uri) {
    String scheme = uri.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
        && uri.getHost() != null;
  }

  /**
   * Returns {@code reference} resolved against {@code base} (or taken as it is if {@code base} is
   * null).
   *
   * @param said what the registry did, for the error: "the registry redirected to"
   * @throws OciException ({@link Kind#REGISTRY_ERROR}) if it is no HTTP or HTTPS address
   */
  public static URI resolve(URI base, String reference, String said) {
    try {
      URI uri = base == null ? new URI(reference) : base.resolve(new URI(reference));
      if (isHttp(uri)) {
        return uri;
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      // refused below, as an address of another scheme is
    }
    throw new OciException(
        Kind.REGISTRY_ERROR, said + " \"" + reference + "\", which is no HTTP or HTTPS address");
  }
}
