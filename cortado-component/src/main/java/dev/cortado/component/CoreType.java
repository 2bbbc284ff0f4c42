package dev.cortado.component;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.Import;
import dev.cortado.wasm.ImportDesc;
import java.util.List;
import java.util.Objects;

/** A core type a component defines: a core function type or a core module type. */
public sealed interface CoreType permits CoreType.Func, CoreType.ModuleType {

  /**
   * A core function type.
   *
   * @param type the function type
   */
  record Func(FuncType type) implements CoreType {
    /** Checks the type is present. */
    public Func {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A core module type: the imports and exports of a core module.
   *
   * @param declarations its declarations, in order
   */
  record ModuleType(List<ModuleDecl> declarations) implements CoreType {
    /** Copies the declarations. */
    public ModuleType {
      declarations = List.copyOf(declarations);
    }
  }

  /** One declaration of a core module type. */
  sealed interface ModuleDecl permits ImportDecl, TypeDecl, OuterAlias, ExportDecl {}

  /**
   * An import of the module type.
   *
   * @param importDecl the import
   */
  record ImportDecl(Import importDecl) implements ModuleDecl {
    /** Checks the import is present. */
    public ImportDecl {
      Objects.requireNonNull(importDecl, "importDecl");
    }
  }

  /**
   * A type defined in the module type's own index space.
   *
   * @param type the type
   */
  record TypeDecl(CoreType type) implements ModuleDecl {
    /** Checks the type is present. */
    public TypeDecl {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A core type of an enclosing component, by an outer alias.
   *
   * @param count how many enclosing levels out
   * @param index the type's index there
   */
  record OuterAlias(int count, int index) implements ModuleDecl {}

  /**
   * An export of the module type.
   *
   * @param name the export's name
   * @param desc what it is, described as an import would be
   */
  record ExportDecl(String name, ImportDesc desc) implements ModuleDecl {
    /** Checks the parts are present. */
    public ExportDecl {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(desc, "desc");
    }
  }
}
