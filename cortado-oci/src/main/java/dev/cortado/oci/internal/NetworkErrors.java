package dev.cortado.oci.internal;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Says in words what a failed exchange with a registry ran into, and what to do: the one place
 * where the JDK's network exceptions (whose messages are often {@code null} or a class name, with
 * the reason several causes deep) become the message of an {@link OciException}.
 */
public final class NetworkErrors {
  private NetworkErrors() {}

  /** Fully qualified class names, with the ": " that follows one used as a message prefix. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?:\\b[a-z_][\\w$]*\\.)+[A-Z][\\w$]*(?::\\s*)?");

  /** A TLS alert's name the JDK puts in front of a handshake message: "(certificate_unknown) ". */
  private static final Pattern ALERT = Pattern.compile("^\\([a-z_]+\\)\\s*");

  private static final String INSECURE_HINT =
      "if the registry has no TLS, use --insecure (loopback registries always use plain HTTP)";

  /** What a failure is about: setting up the connection (whatever the request) or the exchange. */
  private record Explanation(boolean connecting, String text) {}

  /**
   * Returns the exception for {@code failure}, met while trying to {@code what} (e.g. {@code "pull
   * manifest acme/app:1"}) at {@code uri}.
   */
  public static OciException toException(Throwable failure, URI uri, String what) {
    return new OciException(Kind.NETWORK, message(failure, uri, what), failure);
  }

  /**
   * Returns the one-line message for {@code failure}: a failure to connect is the same whatever the
   * request, so it is said alone; a failure of an exchange says which one.
   */
  public static String message(Throwable failure, URI uri, String what) {
    Explanation e = explain(failure, uri);
    return e.connecting() ? e.text() : "cannot " + what + ": " + e.text();
  }

  /** Returns what went wrong, in words, without the request (for "the transfer broke: ..."). */
  public static String reason(Throwable failure, URI uri) {
    return explain(failure, uri).text();
  }

  private static Explanation explain(Throwable failure, URI uri) {
    List<Throwable> chain = chain(failure);
    String host = uri.getHost() != null ? uri.getHost() : String.valueOf(uri.getAuthority());
    String endpoint = uri.getPort() >= 0 ? host + ":" + uri.getPort() : host;
    String text = allMessages(chain).toLowerCase(Locale.ROOT);

    if (has(chain, InterruptedException.class)
        || has(chain, ClosedByInterruptException.class)
        || chain.stream()
            .anyMatch(
                t ->
                    t.getClass() == InterruptedIOException.class
                        && !(t instanceof SocketTimeoutException))) {
      return new Explanation(false, "interrupted");
    }
    if (has(chain, UnresolvedAddressException.class) || has(chain, UnknownHostException.class)) {
      return connecting(
          "cannot resolve host "
              + host
              + ": unknown host (check the reference's registry name and your DNS)");
    }
    if (has(chain, HttpConnectTimeoutException.class)) {
      return connecting(
          "cannot connect to "
              + endpoint
              + ": timed out (is the host reachable and the port right? a firewall may drop the"
              + " connection, or a server there never finished the TLS handshake)");
    }
    if (has(chain, HttpTimeoutException.class) || has(chain, SocketTimeoutException.class)) {
      return new Explanation(
          false,
          endpoint + " did not answer in time (the registry or the network is slow; try again)");
    }
    if (has(chain, SSLException.class)) {
      return connecting(tls(chain, text, host, endpoint));
    }
    if (has(chain, NoRouteToHostException.class)
        || text.contains("no route to host")
        || text.contains("network is unreachable")) {
      return connecting(
          "cannot connect to "
              + endpoint
              + ": no route to the host (check your network, VPN or proxy settings)");
    }
    if (has(chain, ConnectException.class)) {
      // The JDK's client reports a refused connection as ConnectException(null) caused by
      // ClosedChannelException; other platforms say "Connection refused".
      if (text.contains("refused") || text.isEmpty() || has(chain, ClosedChannelException.class)) {
        return connecting(
            "cannot connect to "
                + endpoint
                + ": connection refused (is the registry running? is the port right?)");
      }
      return connecting("cannot connect to " + endpoint + ": " + words(chain));
    }
    if (has(chain, ProtocolException.class)
        || text.contains("protocol error")
        || text.contains("goaway")
        || text.contains("rst_stream")) {
      return new Explanation(
          false,
          endpoint
              + " broke the HTTP protocol: "
              + words(chain)
              + " (is this a registry? a proxy in between may be garbling HTTP or HTTP/2)");
    }
    if (text.contains("connection reset")) {
      return new Explanation(
          false,
          endpoint + " reset the connection (the registry or a proxy dropped it; try again)");
    }
    if (text.contains("broken pipe")
        || text.contains("no bytes")
        || has(chain, EOFException.class)
        || has(chain, ClosedChannelException.class)) {
      return new Explanation(
          false,
          endpoint
              + " closed the connection mid-transfer (the registry or a proxy dropped it; try"
              + " again)");
    }
    return new Explanation(false, "network failure talking to " + endpoint + ": " + words(chain));
  }

  private static String tls(List<Throwable> chain, String text, String host, String endpoint) {
    String failed = "TLS handshake with " + endpoint + " failed: ";
    if (has(chain, CertificateExpiredException.class) || text.contains("validity check failed")) {
      return failed + "the registry's certificate has expired or is not yet valid";
    }
    if (has(chain, CertPathBuilderException.class)
        || text.contains("pkix path")
        || text.contains("unable to find valid certification path")) {
      return failed
          + "certificate not trusted (PKIX path building failed: it is self-signed or from an"
          + " authority this JVM does not trust); add its CA to the JVM's trust store, or "
          + INSECURE_HINT;
    }
    if (text.contains("no subject alternative") || text.contains("no name matching")) {
      return failed
          + "the certificate is not for "
          + host
          + " (hostname mismatch: use the name the certificate was issued to)";
    }
    if (text.contains("unrecognized ssl message")
        || text.contains("plaintext connection")
        || text.contains("unsupported or unrecognized")) {
      return failed + "the server speaks plain HTTP on this port, not TLS; " + INSECURE_HINT;
    }
    if (text.contains("remote host terminated the handshake")) {
      return failed
          + "the server closed the connection during the handshake (does it speak TLS on this"
          + " port?)";
    }
    return failed
        + words(chain)
        + (has(chain, SSLHandshakeException.class) ? "" : " (a TLS failure after the handshake)");
  }

  private static Explanation connecting(String text) {
    return new Explanation(true, text);
  }

  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }

  private static boolean has(List<Throwable> chain, Class<? extends Throwable> type) {
    return chain.stream().anyMatch(type::isInstance);
  }

  private static String allMessages(List<Throwable> chain) {
    StringBuilder all = new StringBuilder();
    for (Throwable t : chain) {
      if (t.getMessage() != null) {
        all.append(t.getMessage()).append('\n');
      }
    }
    return all.toString().strip();
  }

  /**
   * Returns the most specific readable message of the chain without class names, or a plain
   * statement when no cause has one.
   */
  static String words(List<Throwable> chain) {
    for (int i = chain.size() - 1; i >= 0; i--) {
      String m = clean(chain.get(i).getMessage());
      if (!m.isEmpty()) {
        return m;
      }
    }
    return "the connection failed without a reason";
  }

  private static String clean(String message) {
    if (message == null) {
      return "";
    }
    String m = ALERT.matcher(message.strip()).replaceFirst("");
    m = CLASS_NAME.matcher(m).replaceAll("").replaceAll("\\s+", " ").strip();
    return m.equalsIgnoreCase("null") ? "" : m;
  }
}
