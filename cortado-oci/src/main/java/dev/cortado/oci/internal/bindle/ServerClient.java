package dev.cortado.oci.internal.bindle;

import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.CredentialSource;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.Authenticator;
import dev.cortado.oci.internal.Call;
import dev.cortado.oci.internal.NetworkErrors;
import dev.cortado.oci.internal.RetryPolicy;
import dev.cortado.oci.internal.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The client side of a bindle server's protocol for one bindle: {@code GET <server>/_i/<id>} for
 * the invoice ({@code application/toml}) and {@code GET <server>/_i/<id>@<sha256>} for a parcel;
 * errors come as a status with a TOML body holding {@code error = "..."}.
 *
 * @see <a href="https://github.com/deislabs/bindle/blob/main/docs/protocol-spec.md">the bindle
 *     protocol</a>
 */
public final class ServerClient {
  private final URI server;
  private final String id;
  private final Transport transport;

  /** Returns a client for bindle {@code id} on the server whose API is at {@code server}. */
  public ServerClient(URI server, String id) {
    String scheme = server.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || server.getHost() == null) {
      throw new OciException(
          Kind.INVALID_REFERENCE,
          "the bindle server must be an http:// or https:// URL (as http://localhost:8080/v1),"
              + " not \""
              + server
              + "\"");
    }
    int slash = id.lastIndexOf('/');
    if (slash <= 0 || slash == id.length() - 1 || id.contains("@") || id.contains("..")) {
      throw new OciException(
          Kind.INVALID_REFERENCE,
          "\"" + id + "\" is not a bindle id: write NAME/VERSION, as example.com/hello/1.0.0");
    }
    String base = server.toString();
    this.server = URI.create(base.endsWith("/") ? base : base + "/");
    this.id = id;
    HttpClient http = Transport.newHttpClient();
    this.transport =
        new Transport(
            http,
            new Authenticator(http, CredentialSource.none(), Clock.systemUTC()),
            new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10)));
  }

  /** Returns the URL of the invoice. */
  public URI invoiceUri() {
    return server.resolve("_i/" + encode(id));
  }

  /** Returns the invoice's bytes. */
  public byte[] invoice() {
    URI uri = invoiceUri();
    Call call =
        Call.of(uri.getAuthority(), "GET", uri, "fetch the invoice of bindle " + id)
            .header("Accept", "application/toml")
            .followRedirects()
            .allow(403, 404);
    Transport.Response<byte[]> r = transport.sendForBytes(call, InvoiceToml.MAX_INVOICE);
    if (r.status() == 404) {
      throw new OciException(
          Kind.NOT_FOUND,
          "bindle " + id + " is not on " + server + serverError(r.body()) + "; check its name");
    }
    if (r.status() == 403) {
      throw new OciException(
          Kind.DENIED,
          server
              + " refused bindle "
              + id
              + serverError(r.body())
              + " (a yanked bindle is refused unless asked for explicitly)");
    }
    return r.body();
  }

  /** Fetches the parcel {@code label} describes into {@code store}, verified; returns its file. */
  public Path parcel(BindleInvoice.Label label, LocalStore store) {
    if (store.contains(label.digest())) {
      return store.path(label.digest());
    }
    URI uri = server.resolve("_i/" + encode(id) + "@" + label.sha256());
    String what = "parcel " + label.name() + " of bindle " + id;
    Call call = Call.of(uri.getAuthority(), "GET", uri, "fetch " + what).followRedirects();
    call.allow(404);
    HttpResponse<InputStream> r = transport.send(call);
    if (r.statusCode() == 404) {
      byte[] body = readError(r);
      throw new OciException(
          Kind.NOT_FOUND,
          what + " is missing from " + server + serverError(body) + "; the bindle is incomplete");
    }
    try (InputStream in = r.body()) {
      return ParcelCopy.store(new NetworkStream(in, uri, what), label, what, store);
    } catch (IOException e) {
      throw NetworkErrors.toException(e, uri, "fetch " + what);
    }
  }

  private static byte[] readError(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      return in.readNBytes(4096);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** Returns {@code ": <error>"} from a TOML error body ({@code error = "..."}), or nothing. */
  private static String serverError(byte[] body) {
    String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.startsWith("error") && l.contains("=")) {
        String v = l.substring(l.indexOf('=') + 1).strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
          v = v.substring(1, v.length() - 1);
        }
        return " (it says: " + v.replaceAll("\\p{Cntrl}", "?") + ")";
      }
    }
    return "";
  }

  /** Percent-encodes what a path may not hold, keeping the {@code /} of pathy bindle names. */
  private static String encode(String path) {
    StringBuilder b = new StringBuilder();
    for (byte c : path.getBytes(StandardCharsets.UTF_8)) {
      int u = c & 0xff;
      if ((u >= 'a' && u <= 'z')
          || (u >= 'A' && u <= 'Z')
          || (u >= '0' && u <= '9')
          || "-._~/+".indexOf(u) >= 0) {
        b.append((char) u);
      } else {
        b.append('%').append(String.format("%02X", u));
      }
    }
    return b.toString();
  }

  /** A response body whose read failures are network failures, reported as such. */
  private static final class NetworkStream extends java.io.FilterInputStream {
    private final URI uri;
    private final String what;

    NetworkStream(InputStream in, URI uri, String what) {
      super(in);
      this.uri = uri;
      this.what = what;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw NetworkErrors.toException(e, uri, "fetch " + what);
      }
    }
  }
}
