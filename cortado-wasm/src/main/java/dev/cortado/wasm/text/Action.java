package dev.cortado.wasm.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a script does with an instantiated module: call an exported function or read an exported
 * global.
 *
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public sealed interface Action {
  /** Returns the module whose export is used, or empty for the current (last defined) module. */
  Optional<String> moduleId();

  /** Returns the export's name. */
  String name();

  /**
   * {@code (invoke $id? "name" arg*)}: call an exported function.
   *
   * @param moduleId the module, or empty for the current one
   * @param name the export's name
   * @param args the arguments
   */
  record Invoke(Optional<String> moduleId, String name, List<WastValue> args) implements Action {
    /** Copies the arguments and checks every part is present. */
    public Invoke {
      Objects.requireNonNull(moduleId, "moduleId");
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }

  /**
   * {@code (get $id? "name")}: read an exported global.
   *
   * @param moduleId the module, or empty for the current one
   * @param name the export's name
   */
  record Get(Optional<String> moduleId, String name) implements Action {
    /** Checks both parts are present. */
    public Get {
      Objects.requireNonNull(moduleId, "moduleId");
      Objects.requireNonNull(name, "name");
    }
  }
}
