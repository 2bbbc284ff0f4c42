package dev.cortado.oci.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.OciException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** One shared Jackson mapper, used through its tree model (no reflection on Cortado's classes). */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /** Returns a new empty object. */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * Parses {@code bytes} as a JSON object.
   *
   * @throws OciException of {@code kind} naming {@code what} if they are not a JSON object
   */
  public static JsonNode parse(byte[] bytes, OciException.Kind kind, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new OciException(kind, what + " is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new OciException(kind, what + " is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new OciException(kind, what + " could not be read: " + e.getMessage(), e);
    }
  }

  /** Returns {@code node} as compact UTF-8 JSON bytes (the exact bytes that get a digest). */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns {@code node} as pretty UTF-8 text, for files people may read. */
  public static byte[] pretty(JsonNode node) {
    try {
      return MAPPER
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(node)
          .concat("\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the text of {@code node.field}, or null when absent or not text. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  /**
   * Returns {@code what} followed by {@code :LINE} where a parser (TOML, YAML, JSON) met {@code e},
   * when it knows the line: how a manifest's syntax errors are located in messages.
   */
  public static String at(String what, com.fasterxml.jackson.core.JacksonException e) {
    com.fasterxml.jackson.core.JsonLocation l = e.getLocation();
    return l == null || l.getLineNr() < 1 ? what : what + ":" + l.getLineNr();
  }
}
