package dev.cortado.oci.internal.wasmer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cortado.oci.OciException;
import dev.cortado.oci.OciException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Values of a parsed manifest (webc CBOR or wapm TOML), read leniently, and its one error. */
final class ManifestValues {
  private ManifestValues() {}

  /** Returns the node's text, if it is text. */
  static Optional<String> text(JsonNode n) {
    return n.isTextual() ? Optional.of(n.asText()) : Optional.empty();
  }

  /** Returns a list's elements as text; anything but a list is empty. */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(e -> out.add(e.asText()));
    }
    return out;
  }

  static OciException malformed(String what, String why) {
    return new OciException(Kind.MALFORMED_PACKAGE, what + " is not a valid package: " + why);
  }
}
