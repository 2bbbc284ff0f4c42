package dev.cortado.oci.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cortado.oci.Credentials;
import dev.cortado.wasm.testing.ExternalTool;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A token endpoint for the real registry's {@code auth.token}: checks Basic credentials, grants the
 * requested repository actions to known users (nothing to anonymous ones), and signs RS256 JWTs
 * with a key whose self-signed certificate is the registry's {@code rootcertbundle}.
 */
public final class TokenServer implements AutoCloseable {
  public static final String SERVICE = "cortado-test-registry";
  public static final String ISSUER = "cortado-test-issuer";

  /** One token request: the user (empty when anonymous) and the scopes asked for. */
  public record Request(String user, List<String> scopes) {}

  private final HttpServer server;
  private final PrivateKey key;
  private final String certificate;
  private final Path certFile;
  private final Map<String, String> users;
  public final List<Request> requests = new CopyOnWriteArrayList<>();
  public volatile long expiresIn = 300;

  public TokenServer(Path dir, Map<String, String> users) throws Exception {
    ExternalTool.require("openssl", "openssl");
    this.users = Map.copyOf(users);
    Path keyFile = dir.resolve("token.key");
    certFile = dir.resolve("token.crt");
    Process p =
        new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                keyFile.toString(),
                "-out",
                certFile.toString(),
                "-days",
                "2",
                "-subj",
                "/CN=cortado-test-token")
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("openssl failed: " + log);
    }
    key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(pemBody(Files.readString(keyFile))));
    certificate = Base64.getEncoder().encodeToString(pemBody(Files.readString(certFile)));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/token", this::token);
    server.start();
  }

  private static byte[] pemBody(String pem) {
    return Base64.getMimeDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }

  public Path certFile() {
    return certFile;
  }

  public String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  private void token(HttpExchange ex) throws IOException {
    try (ex) {
      String user = "";
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      if (auth != null) {
        Credentials c = Credentials.decode(auth.replaceFirst("^Basic ", "")).orElse(null);
        if (c == null || !c.password().equals(users.get(c.username()))) {
          ex.sendResponseHeaders(401, -1);
          return;
        }
        user = c.username();
      }
      List<String> scopes = new ArrayList<>();
      String query = ex.getRequestURI().getRawQuery();
      for (String pair : query == null ? new String[0] : query.split("&")) {
        if (pair.startsWith("scope=")) {
          scopes.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
        }
      }
      requests.add(new Request(user, List.copyOf(scopes)));
      List<Map<String, Object>> access = new ArrayList<>();
      if (!user.isEmpty()) {
        for (String scope : scopes) {
          String[] parts = scope.split(":");
          if (parts.length == 3 && parts[0].equals("repository")) {
            access.add(
                Map.of(
                    "type",
                    "repository",
                    "name",
                    parts[1],
                    "actions",
                    List.of(parts[2].split(","))));
          }
        }
      }
      long now = System.currentTimeMillis() / 1000;
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("iss", ISSUER);
      claims.put("sub", user);
      claims.put("aud", SERVICE);
      claims.put("exp", now + expiresIn);
      claims.put("nbf", now - 10);
      claims.put("iat", now);
      claims.put("jti", UUID.randomUUID().toString());
      claims.put("access", access);
      String jwt =
          Jwt.sign(Map.of("alg", "RS256", "typ", "JWT", "x5c", List.of(certificate)), claims, key);
      byte[] body =
          new ObjectMapper().writeValueAsBytes(Map.of("token", jwt, "expires_in", expiresIn));
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
    } catch (Exception e) {
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
