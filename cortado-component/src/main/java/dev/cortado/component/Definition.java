package dev.cortado.component;

import dev.cortado.wasm.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One definition of a component, in the order of its sections: each adds an entry to one index
 * space (an import or export of some sort adds to that sort's; a start adds none).
 */
public sealed interface Definition
    permits Definition.CoreModule,
        Definition.CoreInstance,
        Definition.CoreTypeDef,
        Definition.NestedComponent,
        Definition.Instance,
        Definition.AliasDef,
        Definition.TypeDef,
        Definition.Canon,
        Definition.Start,
        Definition.Import,
        Definition.Export {

  /**
   * A core module, kept as its binary (decode it with {@code ModuleDecoder}).
   *
   * @param binary the module's bytes
   * @param offset where they start in the component's binary
   */
  record CoreModule(Bytes binary, long offset) implements Definition {
    /** Checks the binary is present. */
    public CoreModule {
      Objects.requireNonNull(binary, "binary");
    }
  }

  /**
   * An argument of a core instantiation: instance {@code instance} supplies import module {@code
   * name}.
   *
   * @param name the import module name
   * @param instance the core instance's index
   */
  record CoreArgument(String name, int instance) {
    /** Checks the name is present. */
    public CoreArgument {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * An export of a core instance built from definitions.
   *
   * @param name the export's name
   * @param sort the core sort
   * @param index the index in that sort's index space
   */
  record CoreInlineExport(String name, Sort sort, int index) {
    /** Checks the parts are present. */
    public CoreInlineExport {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(sort, "sort");
    }
  }

  /**
   * A core instance: an instantiation of core module {@code module} with {@code arguments}, or
   * (when {@code module} is -1) a bundle of {@code exports}.
   *
   * @param module the core module's index, or -1
   * @param arguments the instantiation's arguments
   * @param exports the bundle's exports
   */
  record CoreInstance(int module, List<CoreArgument> arguments, List<CoreInlineExport> exports)
      implements Definition {
    /** Copies the lists. */
    public CoreInstance {
      arguments = List.copyOf(arguments);
      exports = List.copyOf(exports);
    }
  }

  /**
   * A core type.
   *
   * @param type the type
   */
  record CoreTypeDef(CoreType type) implements Definition {
    /** Checks the type is present. */
    public CoreTypeDef {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A component nested in this one.
   *
   * @param component the nested component
   */
  record NestedComponent(Component component) implements Definition {
    /** Checks the component is present. */
    public NestedComponent {
      Objects.requireNonNull(component, "component");
    }
  }

  /**
   * An argument of a component instantiation: {@code definition} supplies import {@code name}.
   *
   * @param name the import's name
   * @param definition what supplies it
   */
  record Argument(String name, SortIndex definition) {
    /** Checks the parts are present. */
    public Argument {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(definition, "definition");
    }
  }

  /**
   * A component instance: an instantiation of component {@code component} with {@code arguments},
   * or (when {@code component} is -1) a bundle of {@code exports}.
   *
   * @param component the component's index, or -1
   * @param arguments the instantiation's arguments
   * @param exports the bundle's exports
   */
  record Instance(int component, List<Argument> arguments, List<Argument> exports)
      implements Definition {
    /** Copies the lists. */
    public Instance {
      arguments = List.copyOf(arguments);
      exports = List.copyOf(exports);
    }
  }

  /**
   * An alias.
   *
   * @param alias the alias
   */
  record AliasDef(Alias alias) implements Definition {
    /** Checks the alias is present. */
    public AliasDef {
      Objects.requireNonNull(alias, "alias");
    }
  }

  /**
   * A type.
   *
   * @param type the type
   */
  record TypeDef(DefinedType type) implements Definition {
    /** Checks the type is present. */
    public TypeDef {
      Objects.requireNonNull(type, "type");
    }
  }

  /**
   * A canonical function.
   *
   * @param function the function
   */
  record Canon(CanonicalFunction function) implements Definition {
    /** Checks the function is present. */
    public Canon {
      Objects.requireNonNull(function, "function");
    }
  }

  /**
   * The start function, called with values when the component is instantiated.
   *
   * @param function the function's index
   * @param arguments the values' indices
   * @param results how many values it returns
   */
  record Start(int function, List<Integer> arguments, int results) implements Definition {
    /** Copies the arguments. */
    public Start {
      arguments = List.copyOf(arguments);
    }
  }

  /**
   * An import.
   *
   * @param name the import's name ({@code wasi:cli/environment@0.2.3}, {@code run}, ...)
   * @param versionSuffix the version suffix the binary adds to the name, if any
   * @param desc its type
   */
  record Import(String name, Optional<String> versionSuffix, ExternDesc desc)
      implements Definition {
    /** Checks the parts are present. */
    public Import {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(versionSuffix, "versionSuffix");
      Objects.requireNonNull(desc, "desc");
    }
  }

  /**
   * An export.
   *
   * @param name the export's name
   * @param versionSuffix the version suffix the binary adds to the name, if any
   * @param definition what is exported
   * @param desc the type it is exported as, if given
   */
  record Export(
      String name, Optional<String> versionSuffix, SortIndex definition, Optional<ExternDesc> desc)
      implements Definition {
    /** Checks the parts are present. */
    public Export {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(versionSuffix, "versionSuffix");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(desc, "desc");
    }
  }
}
