package dev.cortado.wasm;

import java.util.Objects;

/**
 * An import: a two-level name and what is expected under it.
 *
 * @param module the first level of the name
 * @param name the second level of the name
 * @param desc what the import asks for
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#imports">Imports</a>
 */
public record Import(String module, String name, ImportDesc desc) {
  /** Checks every part is present. */
  public Import {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(desc, "desc");
  }

  /** Returns which kind of entity is imported. */
  public ExternKind kind() {
    return desc.kind();
  }
}
