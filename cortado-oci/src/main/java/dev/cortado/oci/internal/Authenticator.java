package dev.cortado.oci.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.CredentialSource;
import dev.cortado.oci.Credentials;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code Authorization} header for each request: nothing until the registry asks; then Basic
 * credentials, or a Bearer token from the challenge's realm, cached per registry and scope set
 * until it expires or the registry refuses it.
 *
 * @see <a href="https://distribution.github.io/distribution/spec/auth/token/">token
 *     authentication</a>
 */
public final class Authenticator {
  /** A token's lifetime when the token endpoint does not say ({@code expires_in}). */
  static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);

  /** Tokens this close to their end are renewed before use rather than sent to fail. */
  private static final Duration MARGIN = Duration.ofSeconds(5);

  private static final System.Logger LOG = LazyLogger.of(Authenticator.class);

  private record Token(String value, Instant expires) {}

  private final HttpClient http;
  private final CredentialSource source;
  private final Clock clock;
  private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Optional<Credentials>> credentials = new ConcurrentHashMap<>();

  /** Creates an authenticator asking {@code source} for credentials. */
  public Authenticator(HttpClient http, CredentialSource source, Clock clock) {
    this.http = http;
    this.source = source;
    this.clock = clock;
  }

  /** Returns the credentials for {@code registry}, asking the source once. */
  public Optional<Credentials> credentials(String registry) {
    return credentials.computeIfAbsent(registry, source::find);
  }

  /** Returns whether requests to {@code registry} carry credentials once challenged. */
  public boolean hasCredentials(String registry) {
    return credentials(registry).isPresent();
  }

  /**
   * Returns the header for a request to {@code registry} needing {@code scopes}, or empty before
   * the registry has challenged (anonymous first).
   */
  public Optional<String> header(String registry, Collection<String> scopes) {
    Challenge c = challenges.get(registry);
    if (c == null) {
      return Optional.empty();
    }
    if (!c.isBearer()) {
      return credentials(registry).map(Credentials::basicHeader);
    }
    String key = key(registry, scopes);
    Token t = tokens.get(key);
    if (t == null || !clock.instant().plus(MARGIN).isBefore(t.expires())) {
      t = fetchToken(registry, c, scopes);
      tokens.put(key, t);
    }
    return Optional.of("Bearer " + t.value());
  }

  /**
   * Records {@code challenge} from a 401 answer to a request needing {@code scopes}: the cached
   * token for them (expired, revoked or too narrow) is dropped, and a scope the registry names is
   * added to the next token request.
   *
   * @return the scopes to use from now on
   */
  public Collection<String> challenged(
      String registry, Collection<String> scopes, Challenge challenge) {
    challenges.put(registry, challenge);
    tokens.remove(key(registry, scopes));
    TreeSet<String> merged = new TreeSet<>(scopes);
    challenge.param("scope").ifPresent(s -> merged.addAll(java.util.List.of(s.split(" "))));
    tokens.remove(key(registry, merged));
    return merged;
  }

  /** Learns {@code registry}'s challenge from its {@code /v2/} answer. */
  public void learn(String registry, Challenge challenge) {
    challenges.putIfAbsent(registry, challenge);
  }

  private static String key(String registry, Collection<String> scopes) {
    return registry + " " + String.join(" ", new TreeSet<>(scopes));
  }

  private Token fetchToken(String registry, Challenge c, Collection<String> scopes) {
    String realm =
        c.param("realm")
            .orElseThrow(
                () ->
                    new OciException(
                        Kind.REGISTRY_ERROR,
                        registry + " asked for a token without saying where to get one (realm)"));
    StringBuilder query = new StringBuilder();
    c.param("service").ifPresent(s -> query.append("&service=").append(encode(s)));
    for (String scope : new TreeSet<>(scopes)) {
      query.append("&scope=").append(encode(scope));
    }
    URI uri = tokenEndpoint(registry, realm, query);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60));
    if (uri.getScheme().equals("http")) {
      b.version(HttpClient.Version.HTTP_1_1);
    }
    Optional<Credentials> creds = credentials(registry);
    creds.ifPresent(cr -> b.header("Authorization", cr.basicHeader()));
    HttpResponse<byte[]> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw NetworkErrors.toException(e, uri, "get a token for " + registry + " from " + realm);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw NetworkErrors.toException(e, uri, "get a token for " + registry + " from " + realm);
    }
    if (r.statusCode() != 200) {
      throw RegistryErrors.toException(
          r.statusCode(), r.body(), registry, "get a token for " + scopes, creds.isPresent());
    }
    JsonNode reply = Json.parse(r.body(), Kind.REGISTRY_ERROR, "the token from " + realm);
    String token = Json.text(reply, "token");
    if (token == null || token.isEmpty()) {
      token = Json.text(reply, "access_token");
    }
    if (token == null || token.isEmpty()) {
      throw new OciException(Kind.REGISTRY_ERROR, "the token endpoint " + realm + " sent no token");
    }
    long seconds = reply.path("expires_in").asLong(0);
    Duration life = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    LOG.log(System.Logger.Level.DEBUG, "token for {0} {1}, {2} s", registry, scopes, life);
    return new Token(token, clock.instant().plus(life));
  }

  /** Returns the token request's address: the realm with the query appended. */
  private static URI tokenEndpoint(String registry, String realm, StringBuilder query) {
    String full =
        realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query.substring(1));
    return HttpAddresses.resolve(null, full, registry + " asked for a token from");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
