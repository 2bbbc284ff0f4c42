package dev.cortado.oci.internal.spin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.Digest;
import dev.cortado.oci.LockedApp;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spin's locked app as JSON, both ways, with the field names and omissions of Spin's {@code
 * spin-locked-app} crate: written as {@code spin registry push} writes it (no {@code origin}, which
 * names the pusher's files), read from anything Spin may have written, refusing what cannot be
 * served faithfully (an unknown {@code spin_lock_version}, host requirements, component
 * dependencies, content without a digest).
 */
public final class LockedAppJson {
  /** The content type of every component's Wasm. */
  public static final String WASM_CONTENT_TYPE = "application/wasm";

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> UNDERSTOOD = Set.of("host_requirements");

  private LockedAppJson() {}

  /** Turns a content reference of the locked app into content whose bytes are on this machine. */
  @FunctionalInterface
  public interface ContentBinder {
    /**
     * Returns the content {@code digest} names; {@code inline} holds its bytes when the locked app
     * carries them (already checked against the digest).
     *
     * @param what what the content is, for messages ({@code component "hello"})
     */
    LockedApp.Content bind(Digest digest, Optional<byte[]> inline, String what);
  }

  /**
   * Returns the JSON of {@code app}: content of {@code inlineMax} bytes or fewer carries its bytes
   * (base64) beside its digest.
   */
  public static byte[] write(LockedApp app, int inlineMax) {
    ObjectNode root = Json.object();
    root.put("spin_lock_version", 0);
    ObjectNode metadata = root.putObject("metadata");
    metadata.put("name", app.name());
    app.version().ifPresent(v -> metadata.put("version", v));
    app.description().ifPresent(v -> metadata.put("description", v));
    ArrayNode authors = metadata.putArray("authors");
    app.authors().forEach(authors::add);
    app.origin().ifPresent(v -> metadata.put("origin", v));
    ObjectNode triggerTypes = metadata.putObject("triggers");
    ObjectNode single = metadata.putObject("trigger");
    single.put("type", "http");
    if (!app.httpBase().equals("/")) {
      triggerTypes.putObject("http").put("base", app.httpBase());
      single.put("base", app.httpBase());
    }
    if (!app.variables().isEmpty()) {
      ObjectNode variables = root.putObject("variables");
      for (LockedApp.Variable v : app.variables().stream().sorted(byName()).toList()) {
        ObjectNode o = variables.putObject(v.name());
        v.description().ifPresent(d -> o.put("description", d));
        v.defaultValue().ifPresent(d -> o.put("default", d));
        if (v.secret()) {
          o.put("secret", true);
        }
      }
    }
    ArrayNode triggers = root.putArray("triggers");
    for (LockedApp.Trigger t : app.triggers()) {
      ObjectNode o = triggers.addObject();
      o.put("id", t.id());
      o.put("trigger_type", t.type());
      o.set("trigger_config", parseConfig(t));
    }
    ArrayNode components = root.putArray("components");
    for (LockedApp.Component c : app.components()) {
      components.add(component(c, inlineMax));
    }
    return Json.bytes(root);
  }

  private static java.util.Comparator<LockedApp.Variable> byName() {
    return java.util.Comparator.comparing(LockedApp.Variable::name);
  }

  private static JsonNode parseConfig(LockedApp.Trigger t) {
    try {
      JsonNode config = MAPPER.readTree(t.configJson());
      if (config == null || !config.isObject()) {
        throw new IllegalArgumentException("trigger " + t.id() + ": config is not a JSON object");
      }
      return config;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("trigger " + t.id() + ": config is not JSON", e);
    }
  }

  private static ObjectNode component(LockedApp.Component c, int inlineMax) {
    ObjectNode o = Json.object();
    o.put("id", c.id());
    ObjectNode metadata = o.putObject("metadata");
    c.description().ifPresent(d -> metadata.put("description", d));
    ArrayNode hosts = metadata.putArray("allowed_outbound_hosts");
    c.allowedOutboundHosts().forEach(hosts::add);
    ArrayNode stores = metadata.putArray("key_value_stores");
    c.keyValueStores().forEach(stores::add);
    for (String unused : List.of("databases", "ai_models")) {
      metadata.putArray(unused);
    }
    ObjectNode source = o.putObject("source");
    source.put("content_type", WASM_CONTENT_TYPE);
    content(source, c.source(), inlineMax);
    if (!c.environment().isEmpty()) {
      ObjectNode env = o.putObject("env");
      c.environment().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> env.put(e.getKey(), e.getValue()));
    }
    if (!c.files().isEmpty()) {
      ArrayNode files = o.putArray("files");
      for (LockedApp.File f : c.files()) {
        ObjectNode file = files.addObject();
        content(file, f.content(), inlineMax);
        file.put("path", f.path());
      }
    }
    if (!c.config().isEmpty()) {
      ObjectNode config = o.putObject("config");
      c.config().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> config.put(e.getKey(), e.getValue()));
    }
    return o;
  }

  private static void content(ObjectNode node, LockedApp.Content content, int inlineMax) {
    if (content.size() <= inlineMax) {
      try {
        node.put("inline", Base64.getEncoder().encodeToString(Files.readAllBytes(content.file())));
      } catch (IOException e) {
        throw new OciException(Kind.LOCAL_IO, content.file() + ": cannot read: " + e, e);
      }
    }
    node.put("digest", content.digest().toString());
  }

  /**
   * Reads the locked app {@code json}; {@code binder} makes each content reference content on this
   * machine.
   *
   * @param document what it is, for messages ({@code the locked app of REF})
   * @throws OciException {@link Kind#MALFORMED_PACKAGE} naming the key of the first problem, {@link
   *     Kind#UNSAFE_ARCHIVE} for a file path that leaves the component's root, {@link
   *     Kind#DIGEST_MISMATCH} for inline content that does not match its digest
   */
  public static LockedApp read(byte[] json, String document, ContentBinder binder) {
    JsonReads r = new JsonReads(document);
    JsonNode root = Json.parse(json, Kind.MALFORMED_PACKAGE, document);
    checkVersion(r, root);
    JsonNode metadata = r.optionalObject(root, "metadata", "metadata").orElse(Json.object());
    String base =
        r.optionalObject(metadata, "triggers", "metadata.triggers")
            .flatMap(t -> r.optionalObject(t, "http", "metadata.triggers.http"))
            .flatMap(h -> r.optionalText(h, "base", "metadata.triggers.http.base"))
            .or(
                () ->
                    r.optionalObject(metadata, "trigger", "metadata.trigger")
                        .flatMap(t -> r.optionalText(t, "base", "metadata.trigger.base")))
            .orElse("/");
    List<LockedApp.Variable> variables = new ArrayList<>();
    JsonNode vars = r.optionalObject(root, "variables", "variables").orElse(Json.object());
    for (Iterator<Map.Entry<String, JsonNode>> it = vars.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = "variables." + e.getKey();
      JsonNode v = r.optionalObject(vars, e.getKey(), key).orElse(Json.object());
      variables.add(
          new LockedApp.Variable(
              e.getKey(),
              r.optionalText(v, "default", key + ".default"),
              r.bool(v, "secret", key + ".secret"),
              r.optionalText(v, "description", key + ".description")));
    }
    if (root.get("triggers") == null || root.get("components") == null) {
      throw r.malformed(
          root.get("triggers") == null ? "triggers" : "components",
          "missing: a locked app lists its triggers and components");
    }
    List<LockedApp.Trigger> triggers = new ArrayList<>();
    List<JsonNode> triggerNodes = r.array(root, "triggers", "triggers");
    for (int i = 0; i < triggerNodes.size(); i++) {
      String key = "triggers[" + i + "]";
      JsonNode t = triggerNodes.get(i);
      JsonNode config =
          r.optionalObject(t, "trigger_config", key + ".trigger_config").orElse(Json.object());
      triggers.add(
          new LockedApp.Trigger(
              r.text(t, "id", key + ".id"),
              r.text(t, "trigger_type", key + ".trigger_type"),
              config.toString()));
    }
    List<LockedApp.Component> components = new ArrayList<>();
    List<JsonNode> componentNodes = r.array(root, "components", "components");
    for (int i = 0; i < componentNodes.size(); i++) {
      components.add(component(r, componentNodes.get(i), "components[" + i + "]", binder));
    }
    return new LockedApp(
        r.optionalText(metadata, "name", "metadata.name").orElse("spin-app"),
        r.optionalText(metadata, "version", "metadata.version"),
        r.optionalText(metadata, "description", "metadata.description"),
        r.strings(metadata, "authors", "metadata.authors"),
        r.optionalText(metadata, "origin", "metadata.origin"),
        base,
        variables,
        triggers,
        components);
  }

  private static void checkVersion(JsonReads r, JsonNode root) {
    JsonNode version = root.get("spin_lock_version");
    if (version == null) {
      throw r.malformed("spin_lock_version", "missing: this is not a Spin locked app");
    }
    if (!version.canConvertToInt()
        || !version.isIntegralNumber()
        || version.asInt() < 0
        || version.asInt() > LockedApp.MAX_LOCK_VERSION) {
      throw r.malformed(
          "spin_lock_version",
          "unknown version "
              + version
              + " (Cortado reads versions 0 to "
              + LockedApp.MAX_LOCK_VERSION
              + ")");
    }
    List<String> must = r.strings(root, "must_understand", "must_understand");
    for (String m : must) {
      if (!UNDERSTOOD.contains(m)) {
        throw r.malformed(
            "must_understand", "the application needs \"" + m + "\", which Cortado does not know");
      }
    }
    requireNothing(r, root, "host_requirements");
  }

  private static void requireNothing(JsonReads r, JsonNode node, String key) {
    Map<String, String> requirements = new java.util.LinkedHashMap<>();
    r.optionalObject(node, "host_requirements", key)
        .ifPresent(o -> o.fields().forEachRemaining(e -> requirements.put(e.getKey(), "")));
    for (String name : requirements.keySet()) {
      JsonNode v = node.get("host_requirements").get(name);
      if (!(v.isTextual() && v.asText().equals("optional"))) {
        throw r.malformed(
            key + "." + name, "the application requires a host feature Cortado does not provide");
      }
    }
  }

  private static LockedApp.Component component(
      JsonReads r, JsonNode c, String key, ContentBinder binder) {
    String id = r.text(c, "id", key + ".id");
    String what = "component \"" + id + "\"";
    JsonNode dependencies = c.get("dependencies");
    if (dependencies != null && dependencies.size() > 0) {
      throw r.malformed(key + ".dependencies", "component dependencies are not supported yet");
    }
    requireNothing(r, c, key + ".host_requirements");
    JsonNode metadata = r.optionalObject(c, "metadata", key + ".metadata").orElse(Json.object());
    JsonNode source =
        r.optionalObject(c, "source", key + ".source")
            .orElseThrow(() -> r.malformed(key + ".source", "missing"));
    String type = r.text(source, "content_type", key + ".source.content_type");
    if (!type.equals(WASM_CONTENT_TYPE)) {
      throw r.malformed(
          key + ".source.content_type",
          "\"" + type + "\" is not " + WASM_CONTENT_TYPE + ", the only kind of source served");
    }
    LockedApp.Content wasm = content(r, source, key + ".source", what, binder);
    List<LockedApp.File> files = new ArrayList<>();
    List<JsonNode> fileNodes = r.array(c, "files", key + ".files");
    for (int i = 0; i < fileNodes.size(); i++) {
      String fileKey = key + ".files[" + i + "]";
      JsonNode f = fileNodes.get(i);
      String path = r.text(f, "path", fileKey + ".path");
      try {
        checkRelative(path, "file path");
      } catch (OciException e) {
        throw new OciException(e.kind(), r.document() + ": " + fileKey + ": " + e.getMessage());
      }
      files.add(
          new LockedApp.File(
              path, content(r, f, fileKey, what + " file \"" + path + "\"", binder)));
    }
    return new LockedApp.Component(
        id,
        r.optionalText(metadata, "description", key + ".metadata.description"),
        wasm,
        r.stringMap(c, "env", key + ".env"),
        r.stringMap(c, "config", key + ".config"),
        r.strings(metadata, "allowed_outbound_hosts", key + ".metadata.allowed_outbound_hosts"),
        files,
        r.strings(metadata, "key_value_stores", key + ".metadata.key_value_stores"));
  }

  private static LockedApp.Content content(
      JsonReads r, JsonNode node, String key, String what, ContentBinder binder) {
    Optional<byte[]> inline = Optional.empty();
    Optional<String> encoded = r.optionalText(node, "inline", key + ".inline");
    if (encoded.isPresent()) {
      try {
        inline = Optional.of(Base64.getDecoder().decode(encoded.get()));
      } catch (IllegalArgumentException e) {
        throw r.malformed(key + ".inline", "not base64: " + e.getMessage());
      }
    }
    Optional<String> digestText = r.optionalText(node, "digest", key + ".digest");
    if (digestText.isEmpty() && inline.isEmpty()) {
      throw r.malformed(
          key + ".digest",
          "missing: content is named by digest in a pushed application"
              + r.optionalText(node, "source", key + ".source").map(s -> ", not " + s).orElse(""));
    }
    Digest digest;
    try {
      digest = digestText.map(Digest::parse).orElseGet(() -> Digest.sha256(new byte[0]));
    } catch (OciException e) {
      throw r.malformed(key + ".digest", e.getMessage());
    }
    if (inline.isPresent()) {
      Digest actual = Digest.sha256(inline.get());
      if (digestText.isEmpty()) {
        digest = actual;
      } else if (!actual.equals(digest)) {
        throw new OciException(
            Kind.DIGEST_MISMATCH,
            r.document()
                + ": "
                + key
                + ": the inline content of "
                + what
                + " does not match its digest "
                + digest);
      }
    }
    return binder.bind(digest, inline, what);
  }

  /**
   * Checks that {@code path} is relative and stays below its root: not empty, not absolute, no
   * {@code .}, {@code ..} or empty segments, no backslashes or NULs.
   *
   * @throws OciException {@link Kind#UNSAFE_ARCHIVE} saying why it does not
   */
  public static void checkRelative(String path, String what) {
    java.util.Objects.requireNonNull(path, what);
    boolean bad = path.isEmpty() || path.startsWith("/") || path.contains("\\");
    bad = bad || path.indexOf('\0') >= 0;
    for (String segment : path.split("/", -1)) {
      bad = bad || segment.isEmpty() || segment.equals(".") || segment.equals("..");
    }
    if (bad) {
      throw new OciException(
          Kind.UNSAFE_ARCHIVE,
          what
              + " \""
              + path
              + "\" leaves the application's folder (a file path is relative, without '.', '..'"
              + " or empty segments)");
    }
  }

  /** Returns the content of {@code file}: its SHA-256 and size, read once. */
  public static LockedApp.Content contentOf(Path file) {
    MessageDigest md = Digest.newSha256();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw new OciException(Kind.LOCAL_IO, file + ": cannot read: " + e.getMessage(), e);
    }
    return new LockedApp.Content(Digest.sha256Of(md), size, file);
  }
}
