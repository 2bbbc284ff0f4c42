package dev.cortado.oci.internal.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.NpmReference;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.HttpAddresses;
import dev.cortado.oci.internal.Json;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package document from an npm registry (a "packument": {@code dist-tags}, {@code versions} with
 * each version's {@code dist}), and the choice of the version a reference means: an exact version,
 * a dist-tag, or the highest version in a range ({@code latest} when it is in the range, as npm
 * prefers).
 *
 * @see <a
 *     href="https://github.com/npm/registry/blob/main/docs/responses/package-metadata.md">package
 *     metadata</a>
 */
public final class Packument {
  private final String name;
  private final JsonNode root;

  private Packument(String name, JsonNode root) {
    this.name = name;
    this.root = root;
  }

  /**
   * Parses the packument of {@code name} that {@code registry} sent.
   *
   * @throws OciException {@link Kind#REGISTRY_ERROR} when it is not a packument
   */
  public static Packument parse(String name, byte[] bytes, String registry) {
    String what = "the document " + registry + " sent for " + name;
    String check = "; is " + registry + " an npm registry?";
    JsonNode root;
    try {
      root = Json.parse(bytes, Kind.REGISTRY_ERROR, what);
    } catch (OciException e) {
      // Jackson's own words name Java tokens ('null') and go on for a line: say it plainly.
      throw new OciException(Kind.REGISTRY_ERROR, what + " is not a JSON object" + check, e);
    }
    if (!root.path("versions").isObject()) {
      throw new OciException(
          Kind.REGISTRY_ERROR, what + " is not an npm package document (no versions)" + check);
    }
    return new Packument(name, root);
  }

  /**
   * One version of the package.
   *
   * @param version the exact version
   * @param tarball where its tarball is
   * @param integrity the tarball's expected hash
   * @param published when it was published (empty when the document does not say)
   */
  public record Chosen(String version, URI tarball, Integrity integrity, String published) {}

  /**
   * Returns the version {@code ref} means.
   *
   * @throws OciException {@link Kind#NOT_FOUND} naming the tags and newest versions when none fits,
   *     {@link Kind#REGISTRY_ERROR} when the version's entry is malformed
   */
  public Chosen choose(NpmReference ref) {
    String spec = ref.specOrLatest();
    JsonNode versions = root.path("versions");
    String version = null;
    if (versions.has(spec)) {
      version = spec;
    } else if (Json.text(root.path("dist-tags"), spec) != null) {
      version = Json.text(root.path("dist-tags"), spec);
    } else if (Semver.parse(spec).isEmpty()) {
      version = Semver.range(spec).flatMap(this::highest).orElse(null);
    }
    if (version == null || !versions.path(version).isObject()) {
      throw new OciException(Kind.NOT_FOUND, notFound(spec));
    }
    String what = name + "@" + version;
    JsonNode dist = versions.path(version).path("dist");
    String tarball = Json.text(dist, "tarball");
    if (tarball == null) {
      throw new OciException(Kind.REGISTRY_ERROR, what + " has no dist.tarball in its document");
    }
    URI uri = HttpAddresses.resolve(null, tarball, what + " has its dist.tarball at");
    Integrity integrity =
        Integrity.of(Json.text(dist, "integrity"), Json.text(dist, "shasum"), what);
    String published = Json.text(root.path("time"), version);
    return new Chosen(version, uri, integrity, published == null ? "" : published);
  }

  private Optional<String> highest(Semver.Range range) {
    String latest = Json.text(root.path("dist-tags"), "latest");
    if (latest != null) {
      Optional<Semver.Version> v = Semver.parse(latest);
      if (v.isPresent() && range.test(v.get()) && root.path("versions").has(latest)) {
        return Optional.of(latest);
      }
    }
    return versions().stream()
        .filter(v -> Semver.parse(v).map(range::test).orElse(false))
        .max(Comparator.comparing(v -> Semver.parse(v).orElseThrow()));
  }

  private List<String> versions() {
    List<String> all = new ArrayList<>();
    root.path("versions").fieldNames().forEachRemaining(all::add);
    return all;
  }

  private String notFound(String spec) {
    List<String> tags = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("dist-tags").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      tags.add(e.getKey() + "=" + e.getValue().asText());
    }
    List<String> sorted =
        versions().stream()
            .filter(v -> Semver.parse(v).isPresent())
            .sorted(Comparator.comparing(v -> Semver.parse(v).orElseThrow()))
            .toList();
    List<String> newest = sorted.subList(Math.max(0, sorted.size() - 5), sorted.size());
    return name
        + " has no version or tag '"
        + spec
        + "' (tags: "
        + (tags.isEmpty() ? "none" : String.join(", ", tags))
        + "; newest versions: "
        + (newest.isEmpty() ? "none" : String.join(", ", newest))
        + ")";
  }
}
