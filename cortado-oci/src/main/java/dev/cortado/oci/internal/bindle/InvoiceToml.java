package dev.cortado.oci.internal.bindle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.cortado.oci.BindleInvoice;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import dev.cortado.oci.internal.Json;
import dev.cortado.oci.internal.wasmer.PackagePaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an {@code invoice.toml} into a {@link BindleInvoice}: a size limit first, then the TOML (a
 * syntax error is reported with its line), then each required field checked for presence and type.
 * A parcel's {@code sha256} must be 64 lowercase hex digits and its name a plain relative path,
 * since both become file names.
 */
public final class InvoiceToml {
  /** The largest invoice read. */
  public static final int MAX_INVOICE = 1 << 20;

  private static final int MAX_PARCELS = 10_000;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> SATISFIED_BY = Set.of("allOf", "oneOf", "optional", "anyOf");
  private static final ObjectMapper TOML =
      new TomlMapper(
          TomlFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
              .build());

  private InvoiceToml() {}

  /** Reads {@code toml}; {@code what} names it in messages. */
  public static BindleInvoice parse(byte[] toml, String what) {
    if (toml.length > MAX_INVOICE) {
      throw new OciException(
          Kind.UNSAFE_ARCHIVE,
          what + " is larger than " + MAX_INVOICE + " bytes; an invoice is not that large");
    }
    JsonNode root;
    try {
      root = TOML.readTree(toml);
    } catch (JacksonException e) {
      throw malformed(
          Json.at(what, e),
          "not valid TOML: " + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    } catch (IOException e) {
      throw malformed(what, "cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw malformed(what, "is empty");
    }
    String bindleVersion = requiredText(root, "bindleVersion", "the invoice", what);
    JsonNode bindle = root.path("bindle");
    if (!bindle.isObject()) {
      throw malformed(what, "has no [bindle] table (name and version)");
    }
    String name = requiredText(bindle, "name", "[bindle]", what);
    String version = requiredText(bindle, "version", "[bindle]", what);
    if (!PackagePaths.isPlain(name) || version.contains("/") || version.isBlank()) {
      throw malformed(what, "[bindle] name \"" + name + "\" or version is not a valid bindle id");
    }
    List<BindleInvoice.Group> groups = groups(root.path("group"), what);
    Set<String> groupNames = new HashSet<>();
    groups.forEach(g -> groupNames.add(g.name()));
    JsonNode parcelsNode = root.path("parcel");
    if (!parcelsNode.isMissingNode() && !parcelsNode.isArray()) {
      throw malformed(what, "parcel must be a list of [[parcel]] tables");
    }
    if (parcelsNode.size() > MAX_PARCELS) {
      throw malformed(what, "has more than " + MAX_PARCELS + " parcels");
    }
    List<BindleInvoice.Parcel> parcels = new ArrayList<>();
    for (int i = 0; i < parcelsNode.size(); i++) {
      parcels.add(parcel(parcelsNode.get(i), "[[parcel]] #" + (i + 1), groupNames, what));
    }
    return new BindleInvoice(
        bindleVersion,
        name,
        version,
        strings(bindle.path("authors"), "[bindle] authors", what),
        optionalText(bindle, "description", "[bindle]", what),
        root.path("yanked").asBoolean(false),
        textMap(root.path("annotations"), "[annotations]", what),
        parcels,
        groups);
  }

  private static List<BindleInvoice.Group> groups(JsonNode node, String what) {
    List<BindleInvoice.Group> groups = new ArrayList<>();
    if (node.isMissingNode()) {
      return groups;
    }
    if (!node.isArray()) {
      throw malformed(what, "group must be a list of [[group]] tables");
    }
    for (int i = 0; i < node.size(); i++) {
      String where = "[[group]] #" + (i + 1);
      JsonNode g = node.get(i);
      String satisfiedBy = optionalText(g, "satisfiedBy", where, what).orElse("allOf");
      if (!SATISFIED_BY.contains(satisfiedBy)) {
        throw malformed(
            what, where + ": satisfiedBy is \"" + satisfiedBy + "\", not allOf, oneOf or optional");
      }
      groups.add(
          new BindleInvoice.Group(
              requiredText(g, "name", where, what),
              g.path("required").asBoolean(false),
              satisfiedBy));
    }
    return groups;
  }

  private static BindleInvoice.Parcel parcel(
      JsonNode p, String where, Set<String> groups, String what) {
    JsonNode label = p.path("label");
    if (!label.isObject()) {
      throw malformed(what, where + " has no label");
    }
    String sha = requiredText(label, "sha256", where + " label", what);
    if (!SHA256.matcher(sha).matches()) {
      throw malformed(
          what, where + ": label.sha256 \"" + sha + "\" is not 64 lowercase hex digits");
    }
    String name = requiredText(label, "name", where + " label", what);
    if (!PackagePaths.isPlain(name)) {
      throw new OciException(
          Kind.UNSAFE_ARCHIVE,
          what
              + " is unsafe and was not used: "
              + where
              + " is named \""
              + name
              + "\", which is not a plain relative path (no leading /, no '..', no '\\')");
    }
    JsonNode size = label.path("size");
    if (!size.canConvertToLong() || size.asLong() < 0) {
      throw malformed(what, where + ": label.size must be a byte count");
    }
    Map<String, Map<String, String>> features = new LinkedHashMap<>();
    JsonNode feature = label.path("feature");
    if (feature.isObject()) {
      feature
          .properties()
          .forEach(
              f ->
                  features.put(
                      f.getKey(),
                      textMap(f.getValue(), where + " label.feature." + f.getKey(), what)));
    }
    JsonNode conditions = p.path("conditions");
    List<String> memberOf = strings(conditions.path("memberOf"), where + " memberOf", what);
    List<String> requires = strings(conditions.path("requires"), where + " requires", what);
    for (String g : concat(memberOf, requires)) {
      if (!groups.contains(g)) {
        throw malformed(
            what, where + " (" + name + ") names group \"" + g + "\", which no [[group]] declares");
      }
    }
    return new BindleInvoice.Parcel(
        new BindleInvoice.Label(
            sha,
            name,
            requiredText(label, "mediaType", where + " label", what),
            size.asLong(),
            features,
            textMap(label.path("annotations"), where + " label.annotations", what)),
        memberOf,
        requires);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static String requiredText(JsonNode n, String key, String where, String what) {
    return optionalText(n, key, where, what)
        .orElseThrow(() -> malformed(what, where + " has no " + key));
  }

  private static Optional<String> optionalText(JsonNode n, String key, String where, String what) {
    JsonNode v = n.path(key);
    if (v.isMissingNode()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw malformed(what, where + ": " + key + " must be a string");
    }
    return Optional.of(v.asText());
  }

  private static List<String> strings(JsonNode n, String where, String what) {
    List<String> out = new ArrayList<>();
    if (n.isMissingNode()) {
      return out;
    }
    if (!n.isArray()) {
      throw malformed(what, where + " must be a list of strings");
    }
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw malformed(what, where + " must be a list of strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static Map<String, String> textMap(JsonNode n, String where, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isMissingNode()) {
      return out;
    }
    if (!n.isObject()) {
      throw malformed(what, where + " must be a table of strings");
    }
    n.properties()
        .forEach(
            e -> {
              if (!e.getValue().isValueNode()) {
                throw malformed(what, where + "." + e.getKey() + " must be a string");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  /** Returns the failure for an invoice that is not valid, naming {@code what}. */
  public static OciException malformed(String what, String why) {
    return new OciException(Kind.MALFORMED_PACKAGE, what + ": " + why);
  }
}
