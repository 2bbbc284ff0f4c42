package dev.cortado.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.oci.internal.NetworkErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Network failures are told in words: each case makes a real failure happen (a closed port, a name
 * that cannot resolve, servers that stay silent, hang up, speak plain HTTP or show a self-signed
 * certificate) and checks what the message says, and that it names no Java class and no "null".
 */
class NetworkErrorsTest {
  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:java|javax|sun|jdk)\\.\\w|\\w(?:Exception|Error)\\b|\\bnull\\b");
  private static final String PASSWORD = "test-only";

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeServers() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  /** How a scenario makes a request fail; returns the URI it asked for and what was thrown. */
  private interface Scenario {
    Failure run(NetworkErrorsTest t) throws Exception;
  }

  private record Failure(URI uri, Throwable thrown) {}

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "closed port",
            (Scenario) t -> t.get(fast(), "http://127.0.0.1:" + closedPort() + "/v2/"),
            "cannot connect to 127.0.0.1:PORT: connection refused (is the registry running? is"
                + " the port right?)"),
        Arguments.of(
            "unresolvable host",
            (Scenario) t -> t.get(fast(), "https://no-such-registry.invalid/v2/"),
            "cannot resolve host no-such-registry.invalid: unknown host (check the reference's"
                + " registry name and your DNS)"),
        Arguments.of(
            "server that never answers",
            (Scenario) t -> t.get(fast(), "http://127.0.0.1:" + t.serve(s -> {}) + "/v2/"),
            "cannot pull manifest x:1: 127.0.0.1:PORT did not answer in time"),
        Arguments.of(
            "server that never finishes the TLS handshake",
            (Scenario) t -> t.get(fast(), "https://127.0.0.1:" + t.serve(s -> {}) + "/v2/"),
            "cannot connect to 127.0.0.1:PORT: timed out"),
        Arguments.of(
            "server that hangs up at once",
            (Scenario) t -> t.get(fast(), "http://127.0.0.1:" + t.serve(Socket::close) + "/v2/"),
            "cannot pull manifest x:1: 127.0.0.1:PORT closed the connection mid-transfer"),
        Arguments.of(
            "server that resets the connection",
            (Scenario)
                t ->
                    t.get(fast(), "http://127.0.0.1:" + t.serve(NetworkErrorsTest::reset) + "/v2/"),
            "cannot pull manifest x:1: 127.0.0.1:PORT reset the connection"),
        Arguments.of(
            "body shorter than its Content-Length",
            (Scenario)
                t ->
                    t.getBody(
                        "http://127.0.0.1:"
                            + t.serve(answer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"))
                            + "/v2/"),
            "cannot pull manifest x:1: 127.0.0.1:PORT closed the connection mid-transfer"),
        Arguments.of(
            "an answer that is not HTTP",
            (Scenario)
                t ->
                    t.get(
                        fast(),
                        "http://127.0.0.1:" + t.serve(answer("HTTP/1.1 abc\r\n\r\n")) + "/v2/"),
            "cannot pull manifest x:1: 127.0.0.1:PORT broke the HTTP protocol: Invalid status"
                + " line"),
        Arguments.of(
            "plain HTTP server asked for TLS",
            (Scenario)
                t ->
                    t.get(
                        fast(),
                        "https://127.0.0.1:"
                            + t.serve(answer("HTTP/1.1 400 Bad Request\r\n\r\n400 Bad Request"))
                            + "/v2/"),
            "TLS handshake with 127.0.0.1:PORT failed: the server speaks plain HTTP on this port,"
                + " not TLS; if the registry has no TLS, use --insecure"),
        Arguments.of(
            "server that hangs up during the TLS handshake",
            (Scenario) t -> t.get(fast(), "https://127.0.0.1:" + t.serve(Socket::close) + "/v2/"),
            "TLS handshake with 127.0.0.1:PORT failed: the server closed the connection during the"
                + " handshake"),
        Arguments.of(
            "self-signed certificate",
            (Scenario) t -> t.get(fast(), "https://localhost:" + t.tlsServer() + "/v2/"),
            "TLS handshake with localhost:PORT failed: certificate not trusted (PKIX path building"
                + " failed"),
        Arguments.of(
            "certificate for another name",
            (Scenario)
                t -> t.get(t.trustingClient(), "https://localhost:" + t.tlsServer() + "/v2/"),
            "TLS handshake with localhost:PORT failed: the certificate is not for localhost"
                + " (hostname mismatch"),
        Arguments.of(
            "interrupted",
            (Scenario)
                t -> {
                  Thread.currentThread().interrupt();
                  try {
                    return t.get(fast(), "http://127.0.0.1:" + t.serve(s -> {}) + "/v2/");
                  } finally {
                    Thread.interrupted();
                  }
                },
            "cannot pull manifest x:1: interrupted"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void aNetworkFailureIsToldInWords(String name, Scenario scenario, String expected)
      throws Exception {
    Failure f = scenario.run(this);
    String message = NetworkErrors.message(f.thrown(), f.uri(), "pull manifest x:1");
    String wanted = expected.replace("PORT", String.valueOf(f.uri().getPort()));
    assertTrue(message.startsWith(wanted), "expected '" + wanted + "...' but was: " + message);
    assertFalse(JAVA_NAME.matcher(message).find(), "no Java class names: " + message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void messagesWithoutAnyReasonStillSaySomething() {
    String m =
        NetworkErrors.message(
            new IOException(new IOException((String) null)),
            URI.create("https://r.example/v2/"),
            "pull manifest x:1");
    assertEquals(
        "cannot pull manifest x:1: network failure talking to r.example: the connection failed"
            + " without a reason",
        m);
    assertFalse(JAVA_NAME.matcher(m).find(), m);
  }

  @Test
  void theRegistryClientReportsARefusedConnectionInWords() throws Exception {
    Reference ref = Reference.parse("localhost:" + closedPort() + "/acme/app:1");
    RegistryClient client =
        RegistryClient.builder().retries(1, Duration.ofMillis(1), Duration.ofMillis(1)).build();
    OciException e = assertThrows(OciException.class, () -> client.fetchManifest(ref));
    assertEquals(OciException.Kind.NETWORK, e.kind());
    assertEquals(
        "cannot connect to "
            + ref.registry()
            + ": connection refused (is the registry running? is"
            + " the port right?)",
        e.getMessage());
  }

  private static HttpClient fast() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  }

  private Failure get(HttpClient client, String uri) {
    URI u = URI.create(uri);
    HttpRequest request = HttpRequest.newBuilder(u).timeout(Duration.ofMillis(500)).build();
    try {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException | InterruptedException e) {
      return new Failure(u, e);
    }
    return fail("the request to " + uri + " succeeded");
  }

  private Failure getBody(String uri) throws InterruptedException {
    URI u = URI.create(uri);
    try (InputStream in =
        fast()
            .send(HttpRequest.newBuilder(u).build(), HttpResponse.BodyHandlers.ofInputStream())
            .body()) {
      in.readAllBytes();
    } catch (IOException e) {
      return new Failure(u, e);
    }
    return fail("the body of " + uri + " was read whole");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private interface Handler {
    void handle(Socket s) throws IOException;
  }

  /** Starts a loopback server that reads the request's first bytes, then does {@code handler}. */
  private int serve(Handler handler) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return listen(server, handler);
  }

  private int listen(ServerSocket server, Handler handler) {
    List<Socket> accepted = new ArrayList<>();
    open.add(
        () -> {
          server.close();
          for (Socket s : accepted) {
            s.close();
          }
        });
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                while (true) {
                  Socket s = server.accept();
                  accepted.add(s);
                  Thread.ofVirtual()
                      .start(
                          () -> {
                            try {
                              s.getInputStream().read(new byte[4096]);
                              handler.handle(s);
                            } catch (IOException e) {
                              // The client gave up first: its side is what the test checks.
                            }
                          });
                }
              } catch (IOException e) {
                // Closed by the test.
              }
            });
    return server.getLocalPort();
  }

  private static Handler answer(String raw) {
    return s -> {
      s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
      s.getOutputStream().flush();
      s.close();
    };
  }

  private static void reset(Socket s) throws IOException {
    s.setSoLinger(true, 0);
    s.close();
  }

  /** Starts a TLS server whose self-signed certificate is for {@code other.example} only. */
  private int tlsServer() throws Exception {
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore(), PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    SSLServerSocket server =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return listen(
        server,
        s -> {
          s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes());
          s.close();
        });
  }

  private HttpClient trustingClient() throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(keyStore());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Generates the key pair with the JDK's keytool, so that no private key is committed. */
  private KeyStore keyStore() throws Exception {
    Path file = dir.resolve("server.p12");
    if (!Files.exists(file)) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "registry",
                  "-keyalg",
                  "EC",
                  "-dname",
                  "CN=other.example",
                  "-ext",
                  "SAN=dns:other.example",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass",
                  PASSWORD,
                  "-keypass",
                  PASSWORD)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
    }
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }
}
