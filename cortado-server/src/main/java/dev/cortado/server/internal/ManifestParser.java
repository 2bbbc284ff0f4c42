package dev.cortado.server.internal;

import dev.cortado.server.Component;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.ManifestException;
import dev.cortado.server.Route;
import dev.cortado.server.StaticResponse;
import dev.cortado.server.Variable;
import dev.cortado.wasm.internal.IoReasons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a Spin manifest of version 2: the top level, {@code [application]}, {@code [variables]} and
 * {@code [[trigger.http]]}; components are read by {@link ComponentParser}. Every problem is a
 * {@link ManifestException} naming the file, line and key.
 */
public final class ManifestParser {
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern COMPONENT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final Path file;
  private final Path folder;
  private final Map<String, Variable> variables = new LinkedHashMap<>();
  private final Map<String, Component> components = new LinkedHashMap<>();

  private ManifestParser(Path file) {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    this.folder = parent == null ? Path.of("/") : parent;
  }

  /** Reads and checks {@code file}; see {@link Manifest#read}. */
  public static Manifest read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ManifestException(file, 0, "", "no such file");
    } catch (IOException e) {
      throw new ManifestException(file, 0, "", "cannot read: " + IoReasons.of(e, file));
    }
    return new ManifestParser(file).parse(text);
  }

  /**
   * Returns the line of {@code keys} (a path of keys, as {@code variables}, {@code token}) in the
   * manifest {@code file}, or 0 if it cannot be read or has no such key: for problems found after
   * reading, when serving starts.
   */
  static int lineOf(Path file, String... keys) {
    try {
      org.tomlj.TomlPosition p = Toml.parse(file).inputPositionOf(List.of(keys));
      return p == null ? 0 : p.line();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Returns the component id a file name gives: lower case, other characters as {@code -}. */
  public static String componentIdFor(String fileName) {
    String base = fileName.replaceFirst("\\.(wasm|wat)$", "").toLowerCase(Locale.ROOT);
    String id = base.replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+", "");
    return id.isEmpty() ? "module" : id;
  }

  private Manifest parse(String text) {
    TomlParseResult result = Toml.parse(text);
    if (result.hasErrors()) {
      TomlParseError e = result.errors().get(0);
      int line = e.position() == null ? 0 : e.position().line();
      throw new ManifestException(file, line, "", "not valid TOML: " + e.getMessage());
    }
    TomlNode root = new TomlNode(file, result, "", 0);
    root.onlyKeys(
        Set.of("spin_manifest_version", "application", "variables", "trigger", "component"));
    checkVersion(root);
    Manifest.Application application = application(root);
    root.optionalTable("variables").ifPresent(this::variables);
    TomlNode componentTables = root.optionalTable("component").orElse(null);
    if (componentTables != null) {
      for (String id : componentTables.keys()) {
        checkComponentId(componentTables, id);
        if (!(componentTables.raw(id).orElseThrow() instanceof TomlTable)) {
          throw componentTables.error(id, "must be a table ([component." + id + "])");
        }
        components.put(id, component(componentTables.tableAt(id), id));
      }
    }
    List<HttpTrigger> triggers = triggers(root);
    return new Manifest(file, application, List.copyOf(variables.values()), triggers, components);
  }

  private void checkVersion(TomlNode root) {
    Optional<Object> version = root.raw("spin_manifest_version");
    if (version.isEmpty()) {
      throw root.error(
          "spin_manifest_version",
          "missing: cortado serve reads Spin manifests of version 2 (spin_manifest_version = 2)");
    }
    if (!Long.valueOf(2).equals(version.get())) {
      throw root.error(
          "spin_manifest_version",
          "must be 2, not "
              + TomlNode.describe(version.get())
              + " (version 1 manifests are not supported: `spin doctor` upgrades them)");
    }
  }

  private Manifest.Application application(TomlNode root) {
    TomlNode app =
        root.optionalTable("application")
            .orElseThrow(
                () -> root.error("application", "missing: a manifest needs [application]"));
    app.onlyKeys(Set.of("name", "version", "description", "authors", "targets", "trigger"));
    String name = app.string("name");
    app.strings("authors");
    app.strings("targets");
    String base = "/";
    Optional<TomlNode> trigger = app.optionalTable("trigger");
    if (trigger.isPresent()) {
      trigger.get().onlyKeys(Set.of("http"));
      Optional<TomlNode> http = trigger.get().optionalTable("http");
      if (http.isPresent()) {
        http.get().onlyKeys(Set.of("base"));
        base = http.get().optionalString("base").orElse("/");
        if (!base.startsWith("/")) {
          throw http.get().error("base", "must start with '/': \"" + base + "\"");
        }
      }
    }
    return new Manifest.Application(
        name, app.optionalString("version"), app.optionalString("description"), base);
  }

  private void variables(TomlNode table) {
    for (String name : table.keys()) {
      if (!VARIABLE_NAME.matcher(name).matches()) {
        throw table.error(
            name,
            "a variable name has lower-case letters, digits and underscores, and starts with a"
                + " letter");
      }
      if (!(table.raw(name).orElseThrow() instanceof TomlTable)) {
        throw table.error(
            name,
            "must be a table, as in " + name + " = { default = \"...\" } or { required = true }");
      }
      TomlNode v = table.tableAt(name);
      v.onlyKeys(Set.of("default", "required", "secret", "description"));
      v.optionalString("description");
      Optional<String> value = v.optionalString("default");
      boolean required = v.bool("required", false);
      if (required && value.isPresent()) {
        throw v.error("required", "a variable with a default is not required: keep one of the two");
      }
      if (!required && value.isEmpty()) {
        throw v.error("needs a default, or required = true");
      }
      variables.put(name, new Variable(name, value, required, v.bool("secret", false)));
    }
  }

  private void checkComponentId(TomlNode where, String id) {
    if (!COMPONENT_ID.matcher(id).matches()) {
      throw where.error(
          id,
          "a component id has lower-case letters, digits, '-' and '_', and starts with a letter or"
              + " digit");
    }
  }

  private Component component(TomlNode node, String id) {
    return new ComponentParser(node, folder, variables.keySet()).parse(id);
  }

  private List<HttpTrigger> triggers(TomlNode root) {
    Optional<TomlNode> trigger = root.optionalTable("trigger");
    if (trigger.isEmpty()) {
      throw root.error("trigger", "missing: a manifest needs at least one [[trigger.http]]");
    }
    for (String kind : trigger.get().keys()) {
      if (!kind.equals("http")) {
        throw trigger.get().error(kind, "cortado serve runs HTTP triggers only ([[trigger.http]])");
      }
    }
    List<HttpTrigger> triggers = new ArrayList<>();
    Map<String, Integer> routes = new HashMap<>();
    List<Object> items = trigger.get().array("http");
    if (items.isEmpty()) {
      throw trigger.get().error("http", "needs at least one [[trigger.http]]");
    }
    for (Object item : items) {
      if (!(item instanceof TomlNode t)) {
        throw trigger.get().error("http", "must be an array of tables ([[trigger.http]])");
      }
      HttpTrigger h = trigger(t, triggers.size());
      if (!h.route().isPrivate()) {
        String key = routeKey(h.route());
        Integer earlier = routes.putIfAbsent(key, t.lineOf("route"));
        if (earlier != null) {
          throw t.error(
              "route",
              "duplicate route \"" + h.route().pattern() + "\" (also on line " + earlier + ")");
        }
      }
      triggers.add(h);
    }
    return triggers;
  }

  /** Returns the route with parameter names erased: /a/:x and /a/:y are the same route. */
  private static String routeKey(Route route) {
    StringBuilder b = new StringBuilder();
    for (String s : route.segments()) {
      b.append('/').append(s.startsWith(":") ? ":" : s);
    }
    return b.append(route.isWildcard() ? "/..." : "").toString();
  }

  private HttpTrigger trigger(TomlNode t, int index) {
    t.onlyKeys(Set.of("id", "route", "component", "executor", "static_response"));
    t.optionalString("id");
    Route route = route(t);
    Executor executor = executor(t);
    Optional<String> component = Optional.empty();
    Optional<Object> c = t.raw("component");
    if (c.isPresent()) {
      if (c.get() instanceof String id) {
        if (!components.containsKey(id)) {
          throw t.error(
              "component",
              "no component \""
                  + id
                  + "\" is defined"
                  + (components.isEmpty()
                      ? ""
                      : " (there are: " + String.join(", ", components.keySet()) + ")"));
        }
        component = Optional.of(id);
      } else if (c.get() instanceof TomlTable) {
        String id = t.optionalString("id").orElse("trigger-" + index);
        components.put(id, component(t.tableAt("component"), id));
        component = Optional.of(id);
      } else {
        throw t.error("component", "must be a component id or an inline component table");
      }
    }
    Optional<StaticResponse> staticResponse =
        t.optionalTable("static_response").map(this::staticResponse);
    if (component.isPresent() == staticResponse.isPresent()) {
      throw t.error(
          component.isPresent() ? "static_response" : "component",
          component.isPresent()
              ? "a trigger has a component or a static_response, not both"
              : "missing: a trigger needs a component (or a static_response)");
    }
    return new HttpTrigger(route, component, executor, staticResponse);
  }

  private static Route route(TomlNode t) {
    Object r = t.raw("route").orElseThrow(() -> t.error("route", "missing (a route is required)"));
    if (r instanceof TomlTable) {
      TomlNode table = t.tableAt("route");
      table.onlyKeys(Set.of("private"));
      if (!table.bool("private", false)) {
        throw table.error("private", "a route table is { private = true }");
      }
      return Route.privateRoute();
    }
    if (!(r instanceof String pattern)) {
      throw t.error("route", "must be a path such as \"/hello/...\", or { private = true }");
    }
    try {
      return Route.parse(pattern);
    } catch (IllegalArgumentException e) {
      throw t.error("route", e.getMessage());
    }
  }

  private static Executor executor(TomlNode t) {
    Optional<TomlNode> e = t.optionalTable("executor");
    if (e.isEmpty()) {
      return new Executor.Spin();
    }
    TomlNode x = e.get();
    String type = x.string("type");
    return switch (type) {
      case "spin", "http" -> {
        x.onlyKeys(Set.of("type"));
        yield new Executor.Spin();
      }
      case "wagi" -> {
        x.onlyKeys(Set.of("type", "argv", "entrypoint"));
        yield new Executor.Wagi(
            x.optionalString("argv").orElse(Executor.Wagi.DEFAULT_ARGV),
            x.optionalString("entrypoint").orElse(Executor.Wagi.DEFAULT_ENTRYPOINT));
      }
      default ->
          throw x.error("type", "unknown executor \"" + type + "\" (use \"spin\" or \"wagi\")");
    };
  }

  private StaticResponse staticResponse(TomlNode s) {
    s.onlyKeys(Set.of("status_code", "headers", "body"));
    long status = s.optionalLong("status_code").orElse(200L);
    if (status < 200 || status > 599) {
      throw s.error("status_code", "not the status of an answer (200 to 599): " + status);
    }
    Map<String, String> headers = s.stringMap("headers");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      String problem =
          !CgiResponse.isFieldName(h.getKey())
              ? "not a header name (letters, digits and !#$%&'*+-.^_`|~)"
              : !CgiResponse.isFieldValue(h.getValue())
                  ? "a header value cannot hold a control character"
                  : null;
      if (problem != null) {
        throw s.optionalTable("headers").orElseThrow().error(h.getKey(), problem);
      }
    }
    return new StaticResponse((int) status, headers, s.optionalString("body"));
  }
}
