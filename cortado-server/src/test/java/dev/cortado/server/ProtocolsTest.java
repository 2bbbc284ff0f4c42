package dev.cortado.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.testing.ExternalTool;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 in clear text and over TLS (ALPN), with PEM files as openssl writes them. */
class ProtocolsTest {
  @TempDir Path dir;

  @Test
  void cleartextHttp2ByUpgrade() throws Exception {
    try (WasmServer server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("hello")), TestApps.config(new TestApps.KeptLog()))) {
      HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
      HttpRequest get = HttpRequest.newBuilder(server.uri().resolve("/")).build();
      h2.send(get, HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> r = h2.send(get, HttpResponse.BodyHandlers.ofString());
      assertEquals(HttpClient.Version.HTTP_2, r.version());
      assertEquals("Hello, world!\n", r.body());
    }
  }

  @Test
  void httpsWithPkcs8Key() throws Exception {
    Path[] pem = certificate();
    httpsServes(pem[0], pem[1]);
  }

  @Test
  void httpsWithPkcs1RsaKey() throws Exception {
    Path[] pem = certificate();
    Path rsa = dir.resolve("rsa.pem");
    run("openssl", "rsa", "-in", pem[1].toString(), "-traditional", "-out", rsa.toString());
    assertTrue(Files.readString(rsa).contains("BEGIN RSA PRIVATE KEY"));
    httpsServes(pem[0], rsa);
  }

  @Test
  void keyFileWithoutKeyIsRefused() throws Exception {
    Path[] pem = certificate();
    ServeException e = refused(pem[0], pem[0]);
    assertTrue(e.getMessage().contains("no PEM private key"), e.getMessage());
  }

  @Test
  void aKeyOfAnotherCertificateIsRefusedBeforeServing() throws Exception {
    Path[] mine = certificate("mine");
    Path[] other = certificate("other");
    ServeException e = refused(mine[0], other[1]);
    assertTrue(
        e.getMessage().startsWith(other[1] + ": not the key of the certificate in " + mine[0]),
        e.getMessage());
  }

  @Test
  void certificateFileWithoutCertificateIsRefusedByName() throws Exception {
    Path[] pem = certificate();
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    ServeException e = refused(garbage, pem[1]);
    assertTrue(e.getMessage().startsWith(garbage + ": no PEM certificate in it"), e.getMessage());
  }

  /** Returns why serving over TLS with {@code cert} and {@code key} is refused. */
  private static ServeException refused(Path cert, Path key) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        ServeException.class,
        () ->
            WasmServer.start(
                Manifest.forModule(TestApps.wasm("hello")),
                TestApps.config(new TestApps.KeptLog()).withTls(new ServerConfig.Tls(cert, key))));
  }

  private void httpsServes(Path cert, Path key) throws Exception {
    try (WasmServer server =
        WasmServer.start(
            Manifest.forModule(TestApps.wasm("env")),
            TestApps.config(new TestApps.KeptLog()).withTls(new ServerConfig.Tls(cert, key)))) {
      assertEquals("https", server.uri().getScheme());
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_2)
              .sslContext(trusting(cert))
              .build();
      URI uri = URI.create("https://localhost:" + server.uri().getPort() + "/tls?q");
      HttpResponse<String> r =
          client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals(HttpClient.Version.HTTP_2, r.version(), "HTTP/2 chosen by ALPN");
      assertTrue(
          r.body().contains("X_FULL_URL=https://localhost:" + server.uri().getPort() + "/tls?q"),
          r.body());
    }
  }

  /** Returns a self-signed certificate for localhost and its key (PKCS#8), made by openssl. */
  private Path[] certificate() throws Exception {
    return certificate("");
  }

  /** Returns a certificate and key as {@link #certificate()} does, their files named for it. */
  private Path[] certificate(String name) throws Exception {
    ExternalTool.require("openssl", "openssl");
    Path cert = dir.resolve(name + "cert.pem");
    Path key = dir.resolve(name + "key.pem");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=localhost",
        "-addext",
        "subjectAltName=DNS:localhost,IP:127.0.0.1",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
    return new Path[] {cert, key};
  }

  private void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  private static SSLContext trusting(Path cert) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "server", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
