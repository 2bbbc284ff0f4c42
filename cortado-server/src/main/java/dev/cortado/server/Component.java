package dev.cortado.server;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code [component.<id>]} table (or a trigger's inline component).
 *
 * @param id the component's id
 * @param source the Wasm file
 * @param files the files it may read, mounted read-only
 * @param excludeFiles glob patterns of files left out of {@code files}' globs
 * @param environment environment variables it is given
 * @param variables its configuration variables, values templated from application variables ({@code
 *     {{ name }}})
 * @param allowedOutboundHosts where it may send requests (empty: nowhere)
 * @param outboundHostTemplates more {@code allowed_outbound_hosts} entries, as written with
 *     application variables ({@code https://{{ host }}}): resolved, and checked, when serving
 *     starts
 * @param keyValueStores the labels of the key-value stores it may open
 */
public record Component(
    String id,
    Source source,
    List<FileMount> files,
    List<String> excludeFiles,
    Map<String, String> environment,
    Map<String, String> variables,
    List<OutboundHost> allowedOutboundHosts,
    List<String> outboundHostTemplates,
    List<String> keyValueStores) {
  /** Checks every part is present and copies the collections. */
  public Component {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    files = List.copyOf(files);
    excludeFiles = List.copyOf(excludeFiles);
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    allowedOutboundHosts = List.copyOf(allowedOutboundHosts);
    outboundHostTemplates = List.copyOf(outboundHostTemplates);
    keyValueStores = List.copyOf(keyValueStores);
  }

  /** A component without templated outbound hosts or key-value stores. */
  public Component(
      String id,
      Source source,
      List<FileMount> files,
      List<String> excludeFiles,
      Map<String, String> environment,
      Map<String, String> variables,
      List<OutboundHost> allowedOutboundHosts) {
    this(
        id,
        source,
        files,
        excludeFiles,
        environment,
        variables,
        allowedOutboundHosts,
        List.of(),
        List.of());
  }

  /**
   * Where a component's Wasm comes from: a file, checked against a digest when one is given.
   *
   * @param file the file (absolute)
   * @param sha256 the expected SHA-256 in hex, for a {@code {url, digest}} source
   * @param url where to download it from when {@code file} (then the content store's blob of that
   *     digest) does not exist yet: an {@code http:} or {@code https:} {@code {url, digest}} source
   */
  public record Source(Path file, Optional<String> sha256, Optional<java.net.URI> url) {
    /** Checks every part is present, and that a URL comes with its digest. */
    public Source {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(url, "url");
      if (url.isPresent() && sha256.isEmpty()) {
        throw new IllegalArgumentException("a source downloaded from a URL needs its digest");
      }
    }

    /** A source read from {@code file}. */
    public Source(Path file, Optional<String> sha256) {
      this(file, sha256, Optional.empty());
    }
  }

  /** One entry of {@code files}. */
  public sealed interface FileMount {
    /**
     * A glob pattern of files relative to the manifest's folder; each matching file is mounted at
     * its relative path under {@code /}.
     *
     * @param pattern the pattern ({@code *}, {@code **}, {@code ?}, {@code [...]}, {@code {a,b}})
     */
    record Glob(String pattern) implements FileMount {
      /** Checks the pattern is present. */
      public Glob {
        Objects.requireNonNull(pattern, "pattern");
      }
    }

    /**
     * A file or folder mounted at a guest path.
     *
     * @param source the host file or folder (absolute)
     * @param destination the absolute guest path it is seen at
     */
    record Mapping(Path source, String destination) implements FileMount {
      /** Checks every part is present. */
      public Mapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
      }
    }
  }
}
