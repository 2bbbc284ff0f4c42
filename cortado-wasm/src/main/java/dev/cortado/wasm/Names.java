package dev.cortado.wasm;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Names from the {@code name} custom section, for stack traces and the text printer.
 *
 * <p>A malformed name section is ignored (the spec leaves custom sections uninterpreted), so these
 * names may be empty even when the module has a {@code name} section.
 *
 * @param moduleName the module's name, if given
 * @param functionNames function index to name
 * @param localNames function index to (local index to name)
 * @see <a href="https://webassembly.github.io/spec/core/appendix/custom.html#name-section">Name
 *     section</a>
 */
public record Names(
    Optional<String> moduleName,
    Map<Integer, String> functionNames,
    Map<Integer, Map<Integer, String>> localNames) {
  /** No names at all. */
  public static final Names NONE = new Names(Optional.empty(), Map.of(), Map.of());

  /** Copies the maps. */
  public Names {
    Objects.requireNonNull(moduleName, "moduleName");
    functionNames = Map.copyOf(functionNames);
    localNames =
        localNames.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Map.copyOf(e.getValue())));
  }

  /** Returns the name of function {@code index}, if the section gives one. */
  public Optional<String> functionName(int index) {
    return Optional.ofNullable(functionNames.get(index));
  }

  /** Returns the name of local {@code local} of function {@code function}, if given. */
  public Optional<String> localName(int function, int local) {
    Map<Integer, String> m = localNames.get(function);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(local));
  }
}
