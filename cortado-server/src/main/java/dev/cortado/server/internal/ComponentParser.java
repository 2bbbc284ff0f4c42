package dev.cortado.server.internal;

import dev.cortado.oci.LocalStore;
import dev.cortado.server.Component;
import dev.cortado.server.Component.FileMount;
import dev.cortado.server.OutboundHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/** Reads one {@code [component.<id>]} table (or an inline component) of a Spin manifest. */
final class ComponentParser {
  private static final Pattern SHA256 = Pattern.compile("sha256:([0-9a-f]{64})");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern CONFIG_KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /**
   * Spin keys this server knows but cannot honour yet: Spin's own host interfaces (fermyon:spin).
   */
  private static final Set<String> NEEDS_COMPONENTS =
      Set.of("sqlite_databases", "ai_models", "dependencies", "dependencies_inherit_configuration");

  private final TomlNode node;
  private final Path folder;
  private final Set<String> variables;

  ComponentParser(TomlNode node, Path folder, Set<String> variables) {
    this.node = node;
    this.folder = folder;
    this.variables = variables;
  }

  Component parse(String id) {
    for (String key : node.keys()) {
      if (NEEDS_COMPONENTS.contains(key)) {
        throw node.error(
            key,
            "not supported yet: cortado serve gives components WASI 0.2 and wasi:http, not Spin's"
                + " own interfaces other than key-value stores (SQLite, AI models, dependencies)");
      }
      if (key.equals("allowed_http_hosts")) {
        throw node.error(key, "a Spin 1 key: use allowed_outbound_hosts in a version 2 manifest");
      }
    }
    node.onlyKeys(
        Set.of(
            "description",
            "source",
            "files",
            "exclude_files",
            "environment",
            "variables",
            "allowed_outbound_hosts",
            "key_value_stores",
            "build",
            "tool"));
    node.optionalString("description");
    node.optionalTable("build")
        .ifPresent(
            b -> {
              b.onlyKeys(Set.of("command", "workdir", "watch", "environment"));
              b.strings("watch");
              b.optionalString("workdir");
            });
    node.optionalTable("tool");
    Map<String, String> environment = node.stringMap("environment");
    for (String name : environment.keySet()) {
      if (!ENV_NAME.matcher(name).matches()) {
        throw node.error("environment", "\"" + name + "\" is not an environment variable name");
      }
    }
    Map<String, String> config = node.stringMap("variables");
    config.forEach(this::checkTemplate);
    List<OutboundHost> hosts = new ArrayList<>();
    List<String> templates = new ArrayList<>();
    for (String h : node.strings("allowed_outbound_hosts")) {
      checkReferences("allowed_outbound_hosts", h);
      if (h.contains("{{")) {
        templates.add(h); // resolved once variables have values
        continue;
      }
      try {
        hosts.add(OutboundHosts.parse(h));
      } catch (IllegalArgumentException e) {
        throw node.error("allowed_outbound_hosts", e.getMessage());
      }
    }
    List<String> stores = node.strings("key_value_stores");
    for (String label : stores) {
      KeyValueStores.checkLabel(label)
          .ifPresent(
              why -> {
                throw node.error("key_value_stores", why);
              });
    }
    return new Component(
        id,
        source(),
        files(),
        node.strings("exclude_files"),
        environment,
        config,
        hosts,
        templates,
        stores);
  }

  private void checkTemplate(String key, String template) {
    if (!CONFIG_KEY.matcher(key).matches()) {
      throw node.error(
          "variables",
          "\"" + key + "\" is not a variable name (lower-case letters, digits and underscores)");
    }
    checkReferences("variables", template);
  }

  private void checkReferences(String key, String template) {
    if (Templates.malformed(template)) {
      throw node.error(key, "unbalanced {{ }} in \"" + template + "\"");
    }
    for (String name : Templates.references(template)) {
      if (!variables.contains(name)) {
        throw node.error(
            key,
            "\""
                + template
                + "\" refers to variable \""
                + name
                + "\", which [variables] does not define");
      }
    }
  }

  private Component.Source source() {
    Object s = node.raw("source").orElseThrow(() -> node.error("source", "missing (a .wasm file)"));
    if (s instanceof String path) {
      return new Component.Source(existingFile("source", path), Optional.empty());
    }
    if (!(s instanceof TomlTable)) {
      throw node.error(
          "source", "must be a file path or { url = \"...\", digest = \"sha256:...\" }");
    }
    TomlNode t = node.tableAt("source");
    if (t.has("registry") || t.has("package")) {
      throw t.error(
          "package", "components from a registry are not supported yet: give a file or file: URL");
    }
    t.onlyKeys(Set.of("url", "digest"));
    String url = t.string("url");
    String digest = t.string("digest");
    var m = SHA256.matcher(digest);
    if (!m.matches()) {
      throw t.error(
          "digest", "must be sha256: and 64 lower-case hex digits, not \"" + digest + "\"");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw t.error("url", "not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) {
      // Downloaded once, when serving starts, into the content store under its digest (reading
      // the manifest touches nothing).
      Path blob =
          LocalStore.blobPath(
              LocalStore.defaultRoot(), dev.cortado.oci.Digest.parse("sha256:" + m.group(1)));
      return new Component.Source(blob, Optional.of(m.group(1)), Optional.of(uri));
    }
    if (!scheme.equals("file")) {
      throw t.error("url", "must be a file:, http: or https: URL, not \"" + url + "\"");
    }
    Path file = uri.getPath() == null ? Path.of("") : path(t, "url", Path.of("/"), uri.getPath());
    if (!Files.isRegularFile(file)) {
      throw t.error("url", "no such file " + file);
    }
    return new Component.Source(file, Optional.of(m.group(1)));
  }

  private Path existingFile(String key, String relative) {
    Path p = path(node, key, folder, relative);
    if (!Files.isRegularFile(p)) {
      throw node.error(
          key, (Files.isDirectory(p) ? "is a folder, not a file: " : "no such file: ") + relative);
    }
    return p;
  }

  private List<FileMount> files() {
    List<FileMount> mounts = new ArrayList<>();
    for (Object item : node.array("files")) {
      if (item instanceof String glob) {
        if (glob.startsWith("/") || glob.contains("..")) {
          throw node.error(
              "files", "\"" + glob + "\" must be a pattern relative to the manifest's folder");
        }
        mounts.add(new FileMount.Glob(glob));
      } else if (item instanceof TomlNode t) {
        t.onlyKeys(Set.of("source", "destination"));
        Path source = existingIn(t, t.string("source"));
        String destination = t.string("destination");
        if (!destination.startsWith("/")) {
          throw t.error("destination", "must be an absolute guest path, as /static");
        }
        mounts.add(new FileMount.Mapping(source, destination));
      } else {
        throw node.error(
            "files", "items are glob patterns or { source = \"...\", destination = \"/...\" }");
      }
    }
    return mounts;
  }

  private Path existingIn(TomlNode t, String relative) {
    Path p = path(t, "source", folder, relative);
    if (!Files.exists(p)) {
      throw t.error("source", "no such file or folder: " + relative);
    }
    return p;
  }

  /**
   * Returns {@code text} as a path in {@code base}, or refuses it at {@code key}: a name the file
   * system cannot hold (a NUL character) is a mistake in the manifest.
   */
  private static Path path(TomlNode t, String key, Path base, String text) {
    try {
      return base.resolve(text).normalize();
    } catch (InvalidPathException e) {
      // Quoted as JSON quotes it, so that the character in question shows as \\u0000.
      throw t.error(key, Json.string(text) + " is not a path: " + e.getReason());
    }
  }
}
