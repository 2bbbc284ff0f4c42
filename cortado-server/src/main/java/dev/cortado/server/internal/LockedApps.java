package dev.cortado.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cortado.oci.LockedApp;
import dev.cortado.server.Component;
import dev.cortado.server.Executor;
import dev.cortado.server.HttpTrigger;
import dev.cortado.server.Manifest;
import dev.cortado.server.OutboundHost;
import dev.cortado.server.Route;
import dev.cortado.server.ServeException;
import dev.cortado.server.StaticResponse;
import dev.cortado.server.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A locked app (a Spin application pulled from a registry) as an application to serve: its HTTP
 * triggers read from their {@code trigger_config} as Spin's HTTP trigger reads them ({@code route}
 * a path or {@code {"private": true}}, {@code component}, {@code executor} {@code http}/{@code
 * spin} or {@code wagi} with {@code argv} and {@code entrypoint}, {@code static_response}); each
 * component's Wasm the stored blob (its digest checked again when loaded); each file the stored
 * blob mounted read-only at {@code /<path>}; variables, environment, configuration and {@code
 * allowed_outbound_hosts} as in a manifest.
 */
public final class LockedApps {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern VARIABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private LockedApps() {}

  /**
   * Returns the application serving {@code app}, whose locked app's JSON is {@code lockedAppFile}.
   *
   * @throws ServeException naming the trigger, component or variable that cannot be served
   */
  public static Manifest toManifest(LockedApp app, Path lockedAppFile) {
    String what = "Spin application " + app.name();
    Set<String> names = new HashSet<>();
    List<Variable> variables = new ArrayList<>();
    for (LockedApp.Variable v : app.variables()) {
      if (!VARIABLE_NAME.matcher(v.name()).matches()) {
        throw new ServeException(
            what + ": variable \"" + v.name() + "\" is not a valid variable name");
      }
      names.add(v.name());
      variables.add(new Variable(v.name(), v.defaultValue(), v.required(), v.secret()));
    }
    Map<String, Component> components = new LinkedHashMap<>();
    for (LockedApp.Component c : app.components()) {
      if (components.containsKey(c.id())) {
        throw new ServeException(what + ": two components have the id \"" + c.id() + "\"");
      }
      components.put(c.id(), component(what + ": component \"" + c.id() + "\"", c, names));
    }
    List<HttpTrigger> triggers = new ArrayList<>();
    Set<String> routes = new HashSet<>();
    for (LockedApp.Trigger t : app.triggers()) {
      HttpTrigger h = trigger(what + ": trigger \"" + t.id() + "\"", t, components);
      if (!h.route().isPrivate() && !routes.add(h.route().pattern())) {
        throw new ServeException(
            what + ": two triggers take route " + h.route().pattern() + "; a route answers once");
      }
      triggers.add(h);
    }
    if (triggers.isEmpty()) {
      throw new ServeException(what + " has no HTTP trigger");
    }
    return new Manifest(
        lockedAppFile,
        new Manifest.Application(app.name(), app.version(), app.description(), app.httpBase()),
        variables,
        triggers,
        components);
  }

  private static Component component(String what, LockedApp.Component c, Set<String> variables) {
    List<Component.FileMount> files = new ArrayList<>();
    for (LockedApp.File f : c.files()) {
      files.add(new Component.FileMount.Mapping(f.content().file(), "/" + f.path()));
    }
    for (Map.Entry<String, String> e : c.config().entrySet()) {
      for (String name : Templates.references(e.getValue())) {
        if (!variables.contains(name)) {
          throw new ServeException(
              what
                  + ": config \""
                  + e.getKey()
                  + "\" refers to variable \""
                  + name
                  + "\", which the application does not define");
        }
      }
    }
    List<OutboundHost> hosts = new ArrayList<>();
    List<String> templates = new ArrayList<>();
    for (String h : c.allowedOutboundHosts()) {
      if (h.contains("{{")) {
        templates.add(h); // as in a manifest: resolved once variables have values
        continue;
      }
      try {
        hosts.add(OutboundHosts.parse(h));
      } catch (IllegalArgumentException e) {
        throw new ServeException(what + ": allowed_outbound_hosts: " + e.getMessage(), e);
      }
    }
    for (String label : c.keyValueStores()) {
      KeyValueStores.checkLabel(label)
          .ifPresent(
              why -> {
                throw new ServeException(what + ": key_value_stores: " + why);
              });
    }
    Optional<String> sha256 =
        c.source().digest().algorithm().equals("sha256")
            ? Optional.of(c.source().digest().hex())
            : Optional.empty();
    return new Component(
        c.id(),
        new Component.Source(c.source().file(), sha256),
        files,
        List.of(),
        c.environment(),
        c.config(),
        hosts,
        templates,
        c.keyValueStores());
  }

  private static HttpTrigger trigger(
      String what, LockedApp.Trigger t, Map<String, Component> components) {
    if (!t.type().equals("http")) {
      throw new ServeException(
          what + " is of type \"" + t.type() + "\"; cortado serve runs HTTP triggers only");
    }
    JsonNode config;
    try {
      config = MAPPER.readTree(t.configJson());
    } catch (JsonProcessingException e) {
      throw new ServeException(what + ": trigger_config is not JSON: " + e.getOriginalMessage(), e);
    }
    if (config == null || !config.isObject()) {
      throw new ServeException(what + ": trigger_config is not a JSON object");
    }
    if (config.has("components")) {
      throw new ServeException(
          what + ": trigger components (middleware) are not supported by cortado serve");
    }
    Route route = route(what, config.get("route"));
    Optional<String> component = Optional.empty();
    JsonNode c = config.get("component");
    if (c != null && !c.isNull()) {
      if (!c.isTextual() || !components.containsKey(c.asText())) {
        throw new ServeException(
            what + ": component " + c + " is not one of " + String.join(", ", components.keySet()));
      }
      component = Optional.of(c.asText());
    }
    Optional<StaticResponse> staticResponse = staticResponse(what, config.get("static_response"));
    if (component.isPresent() == staticResponse.isPresent()) {
      throw new ServeException(what + " needs a component or a static_response (one of the two)");
    }
    return new HttpTrigger(
        route, component, executor(what, config.get("executor")), staticResponse);
  }

  private static Route route(String what, JsonNode r) {
    if (r != null && r.isObject() && r.path("private").asBoolean(false)) {
      return Route.privateRoute();
    }
    if (r == null || !r.isTextual()) {
      throw new ServeException(what + ": route must be a path or {\"private\": true}");
    }
    try {
      return Route.parse(r.asText());
    } catch (IllegalArgumentException e) {
      throw new ServeException(what + ": route: " + e.getMessage(), e);
    }
  }

  private static Executor executor(String what, JsonNode e) {
    if (e == null || e.isNull()) {
      return new Executor.Spin();
    }
    String type = e.path("type").asText("");
    return switch (type) {
      case "http", "spin" -> new Executor.Spin();
      case "wagi" ->
          new Executor.Wagi(
              e.path("argv").asText(Executor.Wagi.DEFAULT_ARGV),
              e.path("entrypoint").asText(Executor.Wagi.DEFAULT_ENTRYPOINT));
      default ->
          throw new ServeException(
              what + ": unknown executor \"" + type + "\" (cortado serve runs spin and wagi)");
    };
  }

  private static Optional<StaticResponse> staticResponse(String what, JsonNode s) {
    if (s == null || s.isNull()) {
      return Optional.empty();
    }
    int status = s.path("status_code").asInt(200);
    if (!s.isObject() || status < 100 || status > 599) {
      throw new ServeException(what + ": static_response is not {status_code, headers, body}");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    s.path("headers")
        .fields()
        .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode body = s.get("body");
    return Optional.of(
        new StaticResponse(
            status,
            headers,
            body == null || body.isNull() ? Optional.empty() : Optional.of(body.asText())));
  }
}
