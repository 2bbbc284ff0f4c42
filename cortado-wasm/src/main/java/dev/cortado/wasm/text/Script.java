package dev.cortado.wasm.text;

import java.util.List;
import java.util.Objects;

/**
 * A script in the {@code .wast} format of the WebAssembly spec tests: modules to define, actions to
 * perform on them, and assertions about the outcomes.
 *
 * @param sourceName where the script comes from (a file name), for messages
 * @param commands the commands, in order
 * @see <a href="https://github.com/WebAssembly/spec/tree/main/interpreter#scripts">Scripts</a>
 */
public record Script(String sourceName, List<Command> commands) {
  /** Copies the commands and checks both parts are present. */
  public Script {
    Objects.requireNonNull(sourceName, "sourceName");
    commands = List.copyOf(commands);
  }
}
