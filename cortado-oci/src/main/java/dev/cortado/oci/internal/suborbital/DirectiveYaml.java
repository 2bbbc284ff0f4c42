package dev.cortado.oci.internal.suborbital;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.oci.SuborbitalDirective;
import dev.cortado.oci.SuborbitalDirective.Fn;
import dev.cortado.oci.SuborbitalDirective.Handler;
import dev.cortado.oci.SuborbitalDirective.OnErr;
import dev.cortado.oci.SuborbitalDirective.Step;
import dev.cortado.oci.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a {@code Directive.yaml}: YAML with anchors and aliases limited (no alias bombs) and a size
 * limit; a syntax error is reported with its line. Handlers need {@code type}, {@code resource},
 * {@code method} and {@code steps}; each step is {@code fn} (with {@code as}, {@code with}, {@code
 * onErr}) or {@code group} (a list of such fns).
 */
final class DirectiveYaml {
  private static final Set<String> ACTIONS = Set.of("continue", "return");

  private DirectiveYaml() {}

  private static ObjectMapper mapper() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(20);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(32);
    options.setCodePointLimit(SuborbitalBundle.MAX_DIRECTIVE);
    return new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
  }

  /** Reads {@code yaml}; {@code what} names it in messages. */
  static SuborbitalDirective parse(byte[] yaml, String what) {
    if (yaml.length > SuborbitalBundle.MAX_DIRECTIVE) {
      throw new OciException(
          Kind.UNSAFE_ARCHIVE,
          what + " is larger than " + SuborbitalBundle.MAX_DIRECTIVE + " bytes; not read");
    }
    JsonNode root;
    try {
      root = mapper().readTree(yaml);
    } catch (JacksonException e) {
      throw malformed(
          Json.at(what, e),
          "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    } catch (IOException e) {
      throw malformed(what, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw malformed(what, "is not a YAML mapping (identifier, appVersion, handlers, ...)");
    }
    List<SuborbitalDirective.Runnable> runnables = new ArrayList<>();
    for (JsonNode r : list(root, "runnables", "the Directive", what)) {
      runnables.add(
          new SuborbitalDirective.Runnable(
              text(r, "name", "a runnable", what),
              optional(r, "namespace", what).orElse("default"),
              optional(r, "lang", what),
              optional(r, "version", what)));
    }
    List<Handler> handlers = new ArrayList<>();
    List<JsonNode> handlerNodes = list(root, "handlers", "the Directive", what);
    for (int i = 0; i < handlerNodes.size(); i++) {
      handlers.add(handler(handlerNodes.get(i), "handler #" + (i + 1), what));
    }
    return new SuborbitalDirective(
        text(root, "identifier", "the Directive", what),
        text(root, "appVersion", "the Directive", what),
        text(root, "atmoVersion", "the Directive", what),
        runnables,
        handlers);
  }

  private static Handler handler(JsonNode h, String where, String what) {
    String type = text(h, "type", where, what);
    String resource = text(h, "resource", where, what);
    String method = text(h, "method", where, what).toUpperCase(java.util.Locale.ROOT);
    where = where + " (" + method + " " + resource + ")";
    List<Step> steps = new ArrayList<>();
    List<JsonNode> stepNodes = list(h, "steps", where, what);
    if (stepNodes.isEmpty()) {
      throw malformed(what, where + " has no steps");
    }
    for (int i = 0; i < stepNodes.size(); i++) {
      JsonNode s = stepNodes.get(i);
      String at = where + " step #" + (i + 1);
      if (s.has("group")) {
        List<Fn> fns = new ArrayList<>();
        for (JsonNode f : list(s, "group", at, what)) {
          fns.add(fn(f, at + " group", what));
        }
        if (fns.isEmpty()) {
          throw malformed(what, at + ": an empty group");
        }
        steps.add(new SuborbitalDirective.Group(fns));
      } else if (s.has("fn")) {
        steps.add(fn(s, at, what));
      } else {
        throw malformed(what, at + " is neither fn nor group");
      }
    }
    return new Handler(type, resource, method, steps, optional(h, "response", what));
  }

  private static Fn fn(JsonNode f, String where, String what) {
    String name = text(f, "fn", where, what);
    return new Fn(
        name,
        optional(f, "as", what).orElse(name),
        with(f.path("with"), where + " (" + name + ")", what),
        onErr(f, where, name, what));
  }

  /**
   * Reads {@code with}: a map of the names the runnable sees to state keys, or (in early
   * Directives) a list of {@code "name: key"} strings.
   */
  private static Map<String, String> with(JsonNode w, String where, String what) {
    Map<String, String> with = new LinkedHashMap<>();
    if (w.isMissingNode() || w.isNull()) {
      return with;
    }
    if (w.isObject()) {
      w.properties().forEach(e -> with.put(e.getKey(), e.getValue().asText()));
      return with;
    }
    if (w.isArray()) {
      for (JsonNode e : w) {
        String[] pair = e.asText().split(":", 2);
        if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
          throw malformed(what, where + ": with entry \"" + e.asText() + "\" is not name: key");
        }
        with.put(pair[0].strip(), pair[1].strip());
      }
      return with;
    }
    throw malformed(what, where + ": with must map names to state keys");
  }

  private static OnErr onErr(JsonNode f, String where, String name, String what) {
    JsonNode o = f.path("onErr");
    if (o.isMissingNode()) {
      return OnErr.returnAll();
    }
    String at = where + " (" + name + ") onErr";
    Map<Integer, String> codes = new LinkedHashMap<>();
    JsonNode c = o.path("code");
    if (c.isObject()) {
      c.properties()
          .forEach(
              e -> {
                try {
                  codes.put(Integer.parseInt(e.getKey()), action(e.getValue().asText(), at, what));
                } catch (NumberFormatException x) {
                  throw malformed(what, at + ": code " + e.getKey() + " is not a number");
                }
              });
    }
    if (!codes.isEmpty() && o.has("any")) {
      throw malformed(what, at + ": with code: listed, the other codes are other:, not any:");
    }
    if (codes.isEmpty() && o.has("other")) {
      throw malformed(what, at + ": other: goes with code:; without codes, write any:");
    }
    String key = codes.isEmpty() ? "any" : "other";
    String otherwise = o.has(key) ? action(o.path(key).asText(), at, what) : "return";
    return new OnErr(codes, otherwise);
  }

  private static String action(String a, String where, String what) {
    if (!ACTIONS.contains(a)) {
      throw malformed(what, where + ": \"" + a + "\" is not continue or return");
    }
    return a;
  }

  /** Checks that every runnable the steps call is in the bundle. */
  static void checkRunnables(SuborbitalDirective d, Set<String> present, String what) {
    for (Handler h : d.handlers()) {
      for (Step s : h.steps()) {
        List<Fn> fns = s instanceof SuborbitalDirective.Group g ? g.fns() : List.of((Fn) s);
        for (Fn f : fns) {
          if (!present.contains(f.fn())) {
            throw BundleZip.malformed(
                what,
                "handler "
                    + h.method()
                    + " "
                    + h.resource()
                    + " calls "
                    + f.fn()
                    + ", but the bundle has no "
                    + f.fn()
                    + ".wasm (it has: "
                    + (present.isEmpty() ? "no runnables" : String.join(", ", present))
                    + ")");
          }
        }
      }
    }
  }

  private static List<JsonNode> list(JsonNode n, String key, String where, String what) {
    JsonNode v = n.path(key);
    List<JsonNode> out = new ArrayList<>();
    if (v.isMissingNode() || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw malformed(what, where + ": " + key + " must be a list");
    }
    v.forEach(out::add);
    return out;
  }

  private static String text(JsonNode n, String key, String where, String what) {
    JsonNode v = n.path(key);
    if (!v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
      throw malformed(what, where + " has no " + key);
    }
    return v.asText();
  }

  private static Optional<String> optional(JsonNode n, String key, String what) {
    JsonNode v = n.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode()) {
      throw malformed(what, key + " must be a single value");
    }
    return Optional.of(v.asText());
  }

  private static OciException malformed(String what, String why) {
    return new OciException(Kind.MALFORMED_PACKAGE, what + ": " + why);
  }
}
