package dev.cortado.server.internal;

import dev.cortado.server.Manifest;
import dev.cortado.server.ManifestException;
import dev.cortado.server.Variable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of a manifest's application variables: {@code SPIN_VARIABLE_<NAME>}, else defaults.
 */
final class VariableValues {
  private VariableValues() {}

  /**
   * Returns every variable's value.
   *
   * @throws ManifestException naming the first required variable without a value
   */
  static Map<String, String> resolve(Manifest manifest, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Variable v : manifest.variables()) {
      String value = environment.get(v.environmentName());
      if (value == null) {
        value = v.defaultValue().orElse(null);
      }
      if (value == null) {
        throw new ManifestException(
            manifest.file(),
            ManifestParser.lineOf(manifest.file(), "variables", v.name()),
            "variables." + v.name(),
            "required, but no value was given: set the environment variable "
                + v.environmentName());
      }
      values.put(v.name(), value);
    }
    return values;
  }
}
