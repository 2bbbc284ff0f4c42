package dev.cortado.oci;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to an artifact in a registry: {@code registry/repository:tag}, {@code
 * registry/repository@sha256:...} or both. Parsed as Docker does: a first path component with a
 * dot, a colon or named {@code localhost} is the registry, otherwise the registry is Docker Hub
 * ({@code docker.io}, whose one-segment names get {@code library/}); without tag or digest the tag
 * is {@code latest}.
 *
 * @see <a
 *     href="https://github.com/opencontainers/distribution-spec/blob/v1.1.0/spec.md#pulling-manifests">distribution-spec
 *     names and tags</a>
 */
public final class Reference implements SourceReference {
  /** Docker Hub's name in references. */
  public static final String DOCKER_HUB = "docker.io";

  private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern HOST =
      Pattern.compile(
          "(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
              + "|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");

  private final String registry;
  private final String repository;
  private final String tag;
  private final Digest digest;

  private Reference(String registry, String repository, String tag, Digest digest) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses {@code text}.
   *
   * @throws OciException of kind {@link OciException.Kind#INVALID_REFERENCE} with the reason
   */
  public static Reference parse(String text) {
    String rest = text.strip();
    if (rest.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    Digest digest = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      digest = Digest.parse(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw invalid(text, "tag '" + tag + "' must match [A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
      }
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".")
          || first.contains(":")
          || first.equals("localhost")
          || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
        registry = first;
        rest = rest.substring(slash + 1);
        if (!HOST.matcher(registry).matches()) {
          throw invalid(text, "'" + registry + "' is not a registry host[:port]");
        }
      }
    }
    if (registry.equals("index.docker.io") || registry.equals("registry-1.docker.io")) {
      registry = DOCKER_HUB;
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (rest.length() > 255) {
      throw invalid(text, "the repository name is longer than 255 characters");
    }
    for (String component : rest.split("/", -1)) {
      if (!COMPONENT.matcher(component).matches()) {
        throw invalid(
            text,
            "repository component '"
                + component
                + "' must be lowercase letters and digits, separated by '.', '_', '__' or '-'");
      }
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new Reference(registry, rest, tag, digest);
  }

  private static OciException invalid(String text, String why) {
    return new OciException(
        OciException.Kind.INVALID_REFERENCE, "invalid reference '" + text + "': " + why);
  }

  /** Returns the reference {@code registry/repository:tag}. */
  public static Reference of(String registry, String repository, String tag) {
    return parse(registry + "/" + repository + ":" + tag);
  }

  /** Returns the registry as written in references ({@code docker.io} for Docker Hub). */
  public String registry() {
    return registry;
  }

  /**
   * Returns the host (and port) to connect to: Docker Hub's API is {@code registry-1.docker.io}.
   */
  public String endpoint() {
    return registry.equals(DOCKER_HUB) ? "registry-1.docker.io" : registry;
  }

  /** Returns whether the registry is this machine, which Cortado reaches over plain HTTP. */
  public boolean isLoopback() {
    String host = registry.replaceFirst(":[0-9]+$", "");
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("[::1]")
        || host.endsWith(".localhost");
  }

  /** Returns the repository, e.g. {@code library/hello}. */
  public String repository() {
    return repository;
  }

  /** Returns the tag, if the reference has one. */
  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  /** Returns the digest, if the reference has one. */
  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /** Returns what goes in a manifest URL: the digest when there is one, else the tag. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /** Returns this reference pinned to {@code d} (the tag is kept for display). */
  public Reference withDigest(Digest d) {
    return new Reference(registry, repository, tag, d);
  }

  /** Returns the same repository at {@code d} without a tag. */
  public Reference atDigest(Digest d) {
    return new Reference(registry, repository, null, d);
  }

  /** Returns {@code registry/repository}. */
  public String name() {
    return registry + "/" + repository;
  }

  /** Returns the canonical form: {@code registry/repository[:tag][@digest]}. */
  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reference r && toString().equals(r.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
