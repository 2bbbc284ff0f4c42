package dev.cortado.wasm;

import java.util.Objects;

/**
 * What an import asks for: a function of a type, a table, a memory or a global.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html#imports">Imports</a>
 */
public sealed interface ImportDesc {
  /** Returns which kind of entity is imported. */
  ExternKind kind();

  /**
   * A function of the type at {@code typeIndex}.
   *
   * @param typeIndex index into the module's types
   */
  record Func(int typeIndex) implements ImportDesc {
    @Override
    public ExternKind kind() {
      return ExternKind.FUNC;
    }
  }

  /**
   * A table.
   *
   * @param type the table type the import must match
   */
  record Table(TableType type) implements ImportDesc {
    /** Checks the type is present. */
    public Table {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public ExternKind kind() {
      return ExternKind.TABLE;
    }
  }

  /**
   * A memory.
   *
   * @param type the memory type the import must match
   */
  record Memory(MemoryType type) implements ImportDesc {
    /** Checks the type is present. */
    public Memory {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public ExternKind kind() {
      return ExternKind.MEMORY;
    }
  }

  /**
   * A global.
   *
   * @param type the global type the import must match
   */
  record Global(GlobalType type) implements ImportDesc {
    /** Checks the type is present. */
    public Global {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public ExternKind kind() {
      return ExternKind.GLOBAL;
    }
  }

  /**
   * An exception tag whose type is the function type at {@code typeIndex} (Wasm 3.0).
   *
   * @param typeIndex index into the module's types
   */
  record Tag(int typeIndex) implements ImportDesc {
    @Override
    public ExternKind kind() {
      return ExternKind.TAG;
    }
  }
}
