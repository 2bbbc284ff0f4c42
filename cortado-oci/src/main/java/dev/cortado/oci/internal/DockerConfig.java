package dev.cortado.oci.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.Credentials;
import dev.cortado.oci.OciException;
import dev.cortado.oci.Reference;
import dev.cortado.wasm.internal.LazyLogger;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Docker's {@code config.json}: inline {@code auths} (base64 {@code user:pass}), and {@code
 * credHelpers}/{@code credsStore}, which name a {@code docker-credential-NAME} program answering
 * {@code get} with {@code {"Username":..,"Secret":..}}.
 *
 * @see <a href="https://github.com/docker/docker-credential-helpers">docker-credential-helpers</a>
 */
public final class DockerConfig {
  /** How Docker Hub is keyed in {@code config.json} (its old API address). */
  static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";

  private static final System.Logger LOG = LazyLogger.of(DockerConfig.class);

  /** How long a credential helper may take to answer. */
  static final Duration HELPER_TIMEOUT = Duration.ofSeconds(30);

  private final Path file;
  private final Path helperDir;
  private final Duration helperTimeout;

  /**
   * Returns the config in {@code file} (which need not exist), running credential helpers from
   * {@code helperDir}, or from {@code PATH} when it is null.
   */
  public DockerConfig(Path file, Path helperDir) {
    this(file, helperDir, HELPER_TIMEOUT);
  }

  /** As {@link #DockerConfig(Path, Path)}, giving helpers {@code helperTimeout} to answer. */
  public DockerConfig(Path file, Path helperDir, Duration helperTimeout) {
    this.file = file;
    this.helperDir = helperDir;
    this.helperTimeout = helperTimeout;
  }

  /** Returns {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  public static DockerConfig fromEnvironment() {
    String dir = System.getenv("DOCKER_CONFIG");
    Path base =
        dir != null && !dir.isBlank()
            ? Path.of(dir)
            : Path.of(System.getProperty("user.home"), ".docker");
    return new DockerConfig(base.resolve("config.json"), null);
  }

  /** Returns the credentials Docker would use for {@code registry}, if any. */
  public Optional<Credentials> find(String registry) {
    JsonNode root = read();
    if (root == null) {
      return Optional.empty();
    }
    String key = registry.equals(Reference.DOCKER_HUB) ? DOCKER_HUB_KEY : registry;
    String helper = Json.text(root.path("credHelpers"), registry);
    if (helper == null) {
      helper = Json.text(root, "credsStore");
    }
    if (helper != null && !helper.isBlank()) {
      Optional<Credentials> c = runHelper(helper, key);
      if (c.isPresent()) {
        return c;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("auths").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (hostOf(e.getKey()).equals(hostOf(key))) {
        String auth = Json.text(e.getValue(), "auth");
        if (auth != null) {
          return Credentials.decode(auth);
        }
      }
    }
    return Optional.empty();
  }

  /** Reduces a {@code config.json} key ({@code https://host/v1/}, {@code host}) to its host. */
  static String hostOf(String key) {
    String k = key.replaceFirst("^[a-zA-Z]+://", "");
    int slash = k.indexOf('/');
    k = slash >= 0 ? k.substring(0, slash) : k;
    return k.equals("index.docker.io") || k.equals("registry-1.docker.io") ? "docker.io" : k;
  }

  private JsonNode read() {
    try {
      return Json.parse(Files.readAllBytes(file), OciException.Kind.LOCAL_IO, file.toString());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new OciException(OciException.Kind.LOCAL_IO, file + ": cannot read: " + e, e);
    }
  }

  private Optional<Credentials> runHelper(String helper, String serverUrl) {
    String program = "docker-credential-" + helper;
    String command = helperDir == null ? program : helperDir.resolve(program).toString();
    try {
      Process p =
          new ProcessBuilder(command, "get").redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      }
      // Read on another thread: a helper that hangs (a keychain waiting to be unlocked, a desktop
      // app not running) keeps its output open, and reading it here would wait for ever.
      CompletableFuture<byte[]> answer =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return p.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      byte[] out;
      try {
        out = answer.get(helperTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        // Its output could not be read: as when it cannot be run, it gives nothing.
        p.destroyForcibly();
        LOG.log(System.Logger.Level.DEBUG, "cannot read {0}'s answer: {1}", program, e.getCause());
        return Optional.empty();
      } catch (TimeoutException e) {
        p.destroyForcibly();
        throw new OciException(
            OciException.Kind.LOCAL_IO,
            program
                + " did not answer within "
                + helperTimeout.toSeconds()
                + " seconds; check it, or remove it from "
                + file);
      }
      if (!p.waitFor(helperTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new OciException(
            OciException.Kind.LOCAL_IO,
            program + " did not end within " + helperTimeout.toSeconds() + " seconds");
      }
      if (p.exitValue() != 0) {
        // "credentials not found in native keychain": the helper has nothing for this registry.
        return Optional.empty();
      }
      JsonNode reply = Json.parse(out, OciException.Kind.LOCAL_IO, program + "'s answer");
      String user = Json.text(reply, "Username");
      String secret = Json.text(reply, "Secret");
      if (user == null || secret == null || user.equals("<token>")) {
        // An identity token is an OAuth2 refresh token, which Cortado does not exchange.
        return Optional.empty();
      }
      return Optional.of(new Credentials(user, secret));
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot run {0}: {1}", program, e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
