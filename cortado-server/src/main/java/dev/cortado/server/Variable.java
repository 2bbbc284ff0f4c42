package dev.cortado.server;

import java.util.Objects;
import java.util.Optional;

/**
 * An application variable from {@code [variables]}: a default value, or required; secret ones are
 * never printed. Its value comes from the environment variable {@code SPIN_VARIABLE_<NAME>} (the
 * name upper-cased), else the default.
 *
 * @param name the name: lower-case letters, digits and underscores, starting with a letter
 * @param defaultValue the default, absent for a required variable
 * @param required whether serving fails when no value is provided
 * @param secret whether the value must stay out of logs and output
 */
public record Variable(
    String name, Optional<String> defaultValue, boolean required, boolean secret) {
  /** Checks every part is present and that a required variable has no default. */
  public Variable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException("a required variable has no default");
    }
  }

  /** Returns the environment variable that provides this variable's value. */
  public String environmentName() {
    return "SPIN_VARIABLE_" + name.toUpperCase(java.util.Locale.ROOT);
  }
}
