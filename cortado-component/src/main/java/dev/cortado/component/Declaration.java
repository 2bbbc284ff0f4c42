package dev.cortado.component;

import java.util.Objects;

/** One declaration of a component type or an instance type. */
public sealed interface Declaration
    permits Declaration.CoreTypeDecl,
        Declaration.TypeDecl,
        Declaration.AliasDecl,
        Declaration.ImportDecl,
        Declaration.ExportDecl {

  /**
   * A core type defined in the type's own index space.
   *
   * @param type the core type
   */
  record CoreTypeDecl(CoreType type) implements Declaration {
    /** Checks the type is present. */
    public CoreTypeDecl {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A type defined in the type's own index space.
   *
   * @param type the type
   */
  record TypeDecl(DefinedType type) implements Declaration {
    /** Checks the type is present. */
    public TypeDecl {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * An alias (of an enclosing definition, or of an export of an instance declared before).
   *
   * @param alias the alias
   */
  record AliasDecl(Alias alias) implements Declaration {
    /** Checks the alias is present. */
    public AliasDecl {
      Objects.requireNonNull(alias, "alias");
    }
  }

  /**
   * An import of a component type.
   *
   * @param name the import's name
   * @param desc its type
   */
  record ImportDecl(String name, ExternDesc desc) implements Declaration {
    /** Checks the parts are present. */
    public ImportDecl {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(desc, "desc");
    }
  }

  /**
   * An export of a component or instance type.
   *
   * @param name the export's name
   * @param desc its type
   */
  record ExportDecl(String name, ExternDesc desc) implements Declaration {
    /** Checks the parts are present. */
    public ExportDecl {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(desc, "desc");
    }
  }
}
