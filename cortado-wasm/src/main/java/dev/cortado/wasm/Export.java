package dev.cortado.wasm;

import java.util.Objects;

/**
 * An export: a name for one of the module's functions, tables, memories or globals.
 *
 * @param name the export name, unique in the module
 * @param kind which index space {@code index} is in
 * @param index the exported entity's index (imports first, then definitions)
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#exports">Exports</a>
 */
public record Export(String name, ExternKind kind, int index) {
  /** Checks every part is present. */
  public Export {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }
}
