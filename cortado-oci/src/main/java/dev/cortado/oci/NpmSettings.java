package dev.cortado.oci;

import dev.cortado.oci.internal.HttpAddresses;
import dev.cortado.oci.internal.npm.NpmRc;
import dev.cortado.oci.internal.npm.PackageArchive;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where npm packages come from and with which credentials, as npm itself reads them: the default
 * registry ({@code registry=}), registries per scope ({@code @scope:registry=}), and tokens per
 * registry URL ({@code //host/path/:_authToken=}, or {@code :_auth=} / {@code :username=} + {@code
 * :_password=} for Basic). Immutable: every {@code with...} returns a copy.
 *
 * @see <a href="https://docs.npmjs.com/cli/v10/configuring-npm/npmrc">npmrc</a>
 */
public final class NpmSettings {
  /** The public registry. */
  public static final URI PUBLIC_REGISTRY = URI.create("https://registry.npmjs.org/");

  private final URI registry;
  private final Map<String, URI> scopes;
  private final Map<String, String> settings;
  private final PackageArchive.Limits limits;
  private final int attempts;
  private final Duration firstBackoff;

  private NpmSettings(
      URI registry,
      Map<String, URI> scopes,
      Map<String, String> settings,
      PackageArchive.Limits limits,
      int attempts,
      Duration firstBackoff) {
    this.registry = registry;
    this.scopes = Map.copyOf(scopes);
    this.settings = Map.copyOf(settings);
    this.limits = limits;
    this.attempts = attempts;
    this.firstBackoff = firstBackoff;
  }

  /**
   * Returns the public registry without credentials; packages may unpack to 512 MiB (256 MiB per
   * file, 100,000 entries); requests are tried 4 times.
   */
  public static NpmSettings defaults() {
    return new NpmSettings(
        PUBLIC_REGISTRY,
        Map.of(),
        Map.of(),
        new PackageArchive.Limits(256L << 20, 512L << 20, 100_000),
        4,
        Duration.ofMillis(500));
  }

  /**
   * Returns the settings npm would use in {@code workingDir}: the user's {@code .npmrc} ({@code
   * $NPM_CONFIG_USERCONFIG}, else {@code ~/.npmrc}), then the project's (the {@code .npmrc} beside
   * the nearest {@code package.json} or {@code node_modules} above {@code workingDir}, else in it),
   * then {@code $NPM_CONFIG_REGISTRY}; later ones win.
   *
   * @throws OciException {@link OciException.Kind#LOCAL_IO} when a file exists but cannot be read
   */
  public static NpmSettings fromEnvironment(Path workingDir) {
    Map<String, String> env = System.getenv();
    String userConfig = env.getOrDefault("NPM_CONFIG_USERCONFIG", env.get("npm_config_userconfig"));
    Path user =
        userConfig != null && !userConfig.isBlank()
            ? Path.of(userConfig)
            : Path.of(System.getProperty("user.home"), ".npmrc");
    NpmSettings s =
        defaults().withNpmrcFile(user, env).withNpmrcFile(projectNpmrc(workingDir), env);
    String registry = env.getOrDefault("NPM_CONFIG_REGISTRY", env.get("npm_config_registry"));
    return registry != null && !registry.isBlank() ? s.withRegistry(URI.create(registry)) : s;
  }

  private static Path projectNpmrc(Path workingDir) {
    Path dir = workingDir.toAbsolutePath().normalize();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("package.json")) || Files.isDirectory(d.resolve("node_modules"))) {
        return d.resolve(".npmrc");
      }
    }
    return dir.resolve(".npmrc");
  }

  /** Returns these settings with those of the {@code .npmrc} {@code file} on top, if it exists. */
  public NpmSettings withNpmrcFile(Path file, Map<String, String> env) {
    if (!Files.isRegularFile(file)) {
      return this;
    }
    try {
      return withNpmrc(Files.readString(file, StandardCharsets.UTF_8), env, file.toString());
    } catch (IOException e) {
      throw new OciException(OciException.Kind.LOCAL_IO, file + ": cannot read: " + e, e);
    }
  }

  /**
   * Returns these settings with those of {@code .npmrc} text on top, {@code ${NAME}} taken from
   * {@code env}.
   */
  public NpmSettings withNpmrc(String text, Map<String, String> env, String source) {
    NpmSettings s = this;
    Map<String, String> more = new LinkedHashMap<>(settings);
    for (NpmRc.Entry e : NpmRc.parse(text, env, source)) {
      if (e.key().equals("registry")) {
        s = s.withRegistry(address(e.value(), e.key(), source));
      } else if (e.key().startsWith("@") && e.key().endsWith(":registry")) {
        s =
            s.withScopeRegistry(
                e.key().substring(0, e.key().indexOf(':')), address(e.value(), e.key(), source));
      } else if (e.key().startsWith("//")) {
        more.put(e.key(), e.value());
      }
    }
    return new NpmSettings(s.registry, s.scopes, more, limits, attempts, firstBackoff);
  }

  /**
   * Returns these settings with {@code uri} as the default registry.
   *
   * @throws IllegalArgumentException if {@code uri} is not an HTTP or HTTPS address with a host
   */
  public NpmSettings withRegistry(URI uri) {
    requireHttp(uri);
    return new NpmSettings(withSlash(uri), scopes, settings, limits, attempts, firstBackoff);
  }

  /**
   * Returns these settings with {@code uri} as the registry of {@code scope} ({@code @acme}).
   *
   * @throws IllegalArgumentException if {@code uri} is not an HTTP or HTTPS address with a host
   */
  public NpmSettings withScopeRegistry(String scope, URI uri) {
    requireHttp(uri);
    Map<String, URI> more = new LinkedHashMap<>(scopes);
    more.put(scope, withSlash(uri));
    return new NpmSettings(registry, more, settings, limits, attempts, firstBackoff);
  }

  /** Returns these settings with {@code token} sent as a Bearer token to URLs under {@code uri}. */
  public NpmSettings withToken(URI uri, String token) {
    Map<String, String> more = new LinkedHashMap<>(settings);
    more.put(nerfDart(withSlash(uri)) + ":_authToken", token);
    return new NpmSettings(registry, scopes, more, limits, attempts, firstBackoff);
  }

  /**
   * Returns these settings with other limits on what a package may unpack to: bytes per file, bytes
   * in all, entries.
   */
  public NpmSettings withArchiveLimits(long maxFile, long maxTotal, int maxEntries) {
    return new NpmSettings(
        registry,
        scopes,
        settings,
        new PackageArchive.Limits(maxFile, maxTotal, maxEntries),
        attempts,
        firstBackoff);
  }

  /** Returns these settings trying requests {@code n} times in all, first waiting {@code wait}. */
  public NpmSettings withRetries(int n, Duration wait) {
    return new NpmSettings(registry, scopes, settings, limits, Math.max(1, n), wait);
  }

  /** Returns the default registry. */
  public URI registry() {
    return registry;
  }

  /** Returns the registry of {@code packageName}: its scope's, else the default. */
  public URI registryFor(String packageName) {
    if (packageName.startsWith("@")) {
      URI scoped = scopes.get(packageName.substring(0, packageName.indexOf('/')));
      if (scoped != null) {
        return scoped;
      }
    }
    return registry;
  }

  /**
   * Returns the {@code Authorization} header for a request to {@code url}: the setting whose
   * registry URL is the longest prefix of {@code url}'s host and path.
   */
  public Optional<String> authorizationFor(URI url) {
    String target = nerfDart(url);
    for (String prefix = target; prefix.length() > 2; ) {
      String token = settings.get(prefix + ":_authToken");
      if (token != null) {
        return Optional.of("Bearer " + token);
      }
      String basic = settings.get(prefix + ":_auth");
      if (basic != null) {
        return Optional.of("Basic " + basic);
      }
      String user = settings.get(prefix + ":username");
      String password = settings.get(prefix + ":_password");
      if (user != null && password != null) {
        String plain;
        try {
          plain = new String(Base64.getDecoder().decode(password), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
        return Optional.of(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + plain).getBytes(StandardCharsets.UTF_8)));
      }
      int slash = prefix.lastIndexOf('/', prefix.length() - 2);
      if (slash < 2) {
        break;
      }
      prefix = prefix.substring(0, slash + 1);
    }
    return Optional.empty();
  }

  /** Returns the largest one file of a package may unpack to, in bytes. */
  public long maxFileBytes() {
    return limits.maxEntry();
  }

  /** Returns the largest all files of a package may unpack to together, in bytes. */
  public long maxTotalBytes() {
    return limits.maxTotal();
  }

  /** Returns the most entries (files and folders) a package may have. */
  public int maxEntries() {
    return limits.maxEntries();
  }

  /** Returns how many times a request is tried in all. */
  public int attempts() {
    return attempts;
  }

  /** Returns the wait before the second try, doubled each time after. */
  public Duration firstBackoff() {
    return firstBackoff;
  }

  /** Returns {@code //host[:port]/path/} of {@code uri}: how {@code .npmrc} keys name URLs. */
  static String nerfDart(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    path = path.substring(0, path.lastIndexOf('/') + 1);
    return "//" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
  }

  private static void requireHttp(URI uri) {
    if (!HttpAddresses.isHttp(uri)) {
      throw new IllegalArgumentException(
          "an npm registry is an http:// or https:// address, not " + uri);
    }
  }

  /** Returns an {@code .npmrc} value that names a registry, or fails saying where it is wrong. */
  private static URI address(String value, String key, String source) {
    try {
      URI uri = new URI(value);
      requireHttp(uri);
      return uri;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new OciException(
          OciException.Kind.LOCAL_IO,
          source + ": " + key + " = \"" + value + "\" is no http:// or https:// address");
    }
  }

  private static URI withSlash(URI uri) {
    String s = uri.toString();
    return s.endsWith("/") ? uri : URI.create(s + "/");
  }
}
