package dev.cortado.oci.internal.spin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a JSON document that someone else wrote: each failure names the document and the
 * key ({@code components[1].source.digest}) and says what was expected.
 *
 * @param document what the document is, for messages ({@code the locked app of REF})
 */
record JsonReads(String document) {
  OciException malformed(String key, String problem) {
    return new OciException(Kind.MALFORMED_PACKAGE, document + ": " + key + ": " + problem);
  }

  /** Returns the object at {@code node.field}, or empty when absent or null. */
  Optional<JsonNode> optionalObject(JsonNode node, String field, String key) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw malformed(
          key, "must be a JSON object, not " + v.getNodeType().toString().toLowerCase());
    }
    return Optional.of(v);
  }

  /** Returns the array at {@code node.field} (empty when absent or null). */
  List<JsonNode> array(JsonNode node, String field, String key) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw malformed(key, "must be a JSON array");
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  /** Returns the text at {@code node.field}, failing when it is absent or not text. */
  String text(JsonNode node, String field, String key) {
    return optionalText(node, field, key).orElseThrow(() -> malformed(key, "missing"));
  }

  /** Returns the text at {@code node.field}, or empty when absent or null. */
  Optional<String> optionalText(JsonNode node, String field, String key) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw malformed(key, "must be a string");
    }
    return Optional.of(v.asText());
  }

  /** Returns the strings of the array at {@code node.field}. */
  List<String> strings(JsonNode node, String field, String key) {
    List<String> out = new ArrayList<>();
    List<JsonNode> items = array(node, field, key);
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).isTextual()) {
        throw malformed(key + "[" + i + "]", "must be a string");
      }
      out.add(items.get(i).asText());
    }
    return out;
  }

  /** Returns the object at {@code node.field} as a map of strings, in document order. */
  Map<String, String> stringMap(JsonNode node, String field, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<JsonNode> object = optionalObject(node, field, key);
    if (object.isEmpty()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw malformed(key + "." + e.getKey(), "must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** Returns the boolean at {@code node.field}, {@code false} when absent. */
  boolean bool(JsonNode node, String field, String key) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.isBoolean()) {
      throw malformed(key, "must be true or false");
    }
    return v.asBoolean();
  }
}
