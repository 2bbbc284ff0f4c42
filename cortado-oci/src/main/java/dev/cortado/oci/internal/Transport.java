package dev.cortado.oci.internal;

import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Sends {@link Call}s: adds authentication (answering 401 challenges), follows redirects without
 * forwarding {@code Authorization} to another host, retries transient failures, and turns error
 * answers into {@link OciException}s.
 */
public final class Transport {
  private static final System.Logger LOG = LazyLogger.of(Transport.class);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 10;
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private final HttpClient client;
  private final Authenticator auth;
  private final RetryPolicy retry;

  /** Creates a transport; {@code client} must not follow redirects itself. */
  public Transport(HttpClient client, Authenticator auth, RetryPolicy retry) {
    this.client = client;
    this.auth = auth;
    this.retry = retry;
  }

  /**
   * Returns an HTTP client for a transport: redirects are left to {@link #send} (which keeps
   * credentials from other hosts), connections time out after 30 seconds.
   */
  public static HttpClient newHttpClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Returns the authenticator (shared with the client that owns this transport). */
  public Authenticator authenticator() {
    return auth;
  }

  /**
   * Sends {@code call} and returns the answer, whose body the caller must read or close.
   *
   * @throws OciException for error statuses the call does not allow, after retries
   */
  public HttpResponse<InputStream> send(Call call) {
    URI uri = call.uri;
    boolean sameOrigin = true;
    Collection<String> scopes = call.scopes;
    int attempt = 1;
    int authRetries = 0;
    int redirects = 0;
    while (true) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .method(
                  call.method, call.body != null ? call.body : HttpRequest.BodyPublishers.noBody())
              .timeout(call.timeout);
      if (uri.getScheme().equals("http")) {
        // Plain-HTTP registries speak HTTP/1.1; an h2c upgrade attempt only costs a round trip.
        b.version(HttpClient.Version.HTTP_1_1);
      }
      // A header the caller set itself (an npm token) is, like the authenticator's, for the
      // original host only.
      boolean toOrigin = sameOrigin;
      call.headers.forEach(
          (name, value) -> {
            if (toOrigin || !name.equalsIgnoreCase("Authorization")) {
              b.header(name, value);
            }
          });
      Optional<String> authorization =
          sameOrigin ? auth.header(call.registry, scopes) : Optional.empty();
      authorization.ifPresent(v -> b.header("Authorization", v));
      HttpResponse<InputStream> r;
      try {
        r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        if (call.idempotent && attempt < retry.attempts()) {
          sleep(retry.backoff(attempt++), call);
          continue;
        }
        throw NetworkErrors.toException(e, uri, call.what);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NetworkErrors.toException(e, uri, call.what);
      }
      int status = r.statusCode();
      if (call.followRedirects && REDIRECTS.contains(status)) {
        Optional<String> location = r.headers().firstValue("Location");
        discard(r);
        if (location.isEmpty() || ++redirects > MAX_REDIRECTS) {
          throw new OciException(
              Kind.REGISTRY_ERROR, "cannot " + call.what + ": bad or endless redirects");
        }
        uri =
            HttpAddresses.resolve(
                uri, location.get(), "cannot " + call.what + ": the registry redirected to");
        sameOrigin = sameOrigin && sameOrigin(call.uri, uri);
        continue;
      }
      if (status == 401 && sameOrigin && authRetries < 2 && !call.allowed.contains(401)) {
        Optional<Challenge> c = Challenge.first(r.headers().allValues("WWW-Authenticate"));
        if (c.isPresent()) {
          scopes = auth.challenged(call.registry, scopes, c.get());
          // A token may have expired or been too narrow: get another. Basic credentials are
          // worth sending only if they were not sent already.
          if (c.get().isBearer()
              || (authorization.isEmpty() && auth.hasCredentials(call.registry))) {
            discard(r);
            authRetries++;
            continue;
          }
        }
      }
      if (RetryPolicy.isTransient(status)
          && (status == 429 || call.idempotent)
          && attempt < retry.attempts()) {
        Duration wait = RetryPolicy.retryAfter(r.headers()).orElse(retry.backoff(attempt));
        if (wait.compareTo(retry.maxDelay()) <= 0) {
          discard(r);
          LOG.log(
              System.Logger.Level.DEBUG, "{0}: HTTP {1}, retrying in {2}", call.what, status, wait);
          sleep(wait, call);
          attempt++;
          continue;
        }
      }
      if (status >= 400 && !call.allowed.contains(status)) {
        byte[] body = readSome(r);
        OciException e =
            RegistryErrors.toException(
                status, body, call.registry, call.what, auth.hasCredentials(call.registry));
        throw RetryPolicy.isTransient(status) ? new TransientException(e) : e;
      }
      return r;
    }
  }

  /** Sends {@code call} and returns its whole body (for small answers: manifests, JSON). */
  public Response<byte[]> sendForBytes(Call call, long limit) {
    HttpResponse<InputStream> r = send(call);
    try (InputStream in = r.body()) {
      byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
      if (body.length > limit) {
        throw new OciException(
            Kind.REGISTRY_ERROR,
            "cannot " + call.what + ": the answer is larger than " + limit + " bytes");
      }
      return new Response<>(r, body);
    } catch (IOException e) {
      throw NetworkErrors.toException(e, r.uri(), call.what);
    }
  }

  /** An answer whose body has been read. */
  public record Response<T>(HttpResponse<InputStream> http, T body) {
    /** Returns the status. */
    public int status() {
      return http.statusCode();
    }

    /** Returns a header's first value. */
    public Optional<String> header(String name) {
      return http.headers().firstValue(name);
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  private static void sleep(Duration d, Call call) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw NetworkErrors.toException(e, call.uri, call.what);
    }
  }

  private static byte[] readSome(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      return in.readNBytes(MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /**
   * Reads and drops the rest of an answer's body, which keeps its connection reusable: for answers
   * whose status and headers say everything (uploads, redirects, challenges).
   */
  public static void discard(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // Nothing in this body is needed; a broken connection is the client's to replace.
    }
  }
}
