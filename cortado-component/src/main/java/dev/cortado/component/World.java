package dev.cortado.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a component imports and exports, resolved: each interface with its functions, types and
 * resources, each function with the {@link Shape}s of its parameters and result. Built from the
 * component's type index spaces ({@link #of}); what cannot be resolved stays a {@link
 * Shape.Unresolved} rather than failing.
 *
 * @param imports the imports, in order
 * @param exports the exports, in order
 */
public record World(List<Item> imports, List<Item> exports) {
  /** Copies the lists. */
  public World {
    imports = List.copyOf(imports);
    exports = List.copyOf(exports);
  }

  /** What an import or export is. */
  public enum Kind {
    /** An instance: an interface. */
    INTERFACE,
    /** A function. */
    FUNCTION,
    /** A type. */
    TYPE,
    /** A component. */
    COMPONENT,
    /** A core module. */
    CORE_MODULE,
    /** A value. */
    VALUE
  }

  /**
   * One import or export.
   *
   * @param name its name ({@code wasi:cli/environment@0.2.12}, {@code run}, ...)
   * @param kind what it is
   * @param members an interface's functions, types and resources, when the component declares them
   * @param declared whether the component declares the interface's or function's type
   * @param function a function's signature
   */
  public record Item(
      String name, Kind kind, List<Member> members, boolean declared, Optional<Function> function) {
    /** Copies the members. */
    public Item {
      Objects.requireNonNull(name, "name");
      members = List.copyOf(members);
    }
  }

  /** A member of an interface: a function, a named type or a resource. */
  public sealed interface Member permits Function, NamedType, Resource {}

  /**
   * A function.
   *
   * @param name its name ({@code [method]descriptor.stat} for a method)
   * @param params its parameters
   * @param result its result, if any
   * @param async whether it is asynchronous
   */
  public record Function(
      String name, List<Shape.Field> params, Optional<Shape> result, boolean async)
      implements Member {
    /** Copies the parameters. */
    public Function {
      params = List.copyOf(params);
    }
  }

  /**
   * A type an interface exports under a name.
   *
   * @param name the name
   * @param shape the type
   */
  public record NamedType(String name, Shape shape) implements Member {}

  /**
   * A resource an interface exports.
   *
   * @param name the resource's name
   */
  public record Resource(String name) implements Member {}

  /** Resolves the imports and exports of {@code component}. */
  public static World of(Component component) {
    TypeSpace space = new TypeSpace(null);
    List<Item> imports = new ArrayList<>();
    List<Item> exports = new ArrayList<>();
    // The types each instance exports, by instance index (empty where they are not known).
    List<Map<String, TypeSpace.Entry>> instances = new ArrayList<>();
    for (Definition d : component.definitions()) {
      switch (d) {
        case Definition.TypeDef t -> space.define(t.type());
        case Definition.AliasDef a -> {
          if (a.alias().sort() == Sort.TYPE) {
            switch (a.alias().target()) {
              case Alias.Outer o -> space.alias(o.count(), o.index());
              case Alias.Export e -> {
                Map<String, TypeSpace.Entry> types =
                    e.instance() >= 0 && e.instance() < instances.size()
                        ? instances.get(e.instance())
                        : Map.of();
                TypeSpace.Entry exported = types.get(e.name());
                if (exported != null) {
                  space.add(exported);
                } else {
                  space.resource(e.name(), ResourceType.abstractType(e.name()));
                }
              }
              case Alias.CoreExport c -> space.add(TypeSpace.Entry.UNKNOWN);
            }
          } else if (a.alias().sort() == Sort.INSTANCE) {
            instances.add(Map.of());
          }
        }
        case Definition.Instance i -> instances.add(Map.of());
        case Definition.Import i -> {
          Map<String, TypeSpace.Entry> types = new HashMap<>();
          imports.add(item(i.name(), i.desc(), space, types, ResourceType::abstractType));
          if (i.desc() instanceof ExternDesc.Instance) {
            instances.add(types);
          }
          if (i.desc() instanceof ExternDesc.Type t) {
            if (t.isSubResource()) {
              space.resource(i.name(), ResourceType.abstractType(i.name()));
            } else {
              space.add(space.get(t.equalTo()).named(i.name()));
            }
          }
        }
        case Definition.Export e -> {
          exports.add(
              e.desc().isPresent()
                  ? item(
                      e.name(), e.desc().get(), space, new HashMap<>(), ResourceType::abstractType)
                  : new Item(
                      e.name(), kind(e.definition().sort()), List.of(), false, Optional.empty()));
          if (e.definition().sort() == Sort.TYPE) {
            space.add(space.get(e.definition().index()).named(e.name()));
          } else if (e.definition().sort() == Sort.INSTANCE) {
            instances.add(Map.of());
          }
        }
        default -> {}
      }
    }
    return new World(imports, exports);
  }

  private static Kind kind(Sort sort) {
    return switch (sort) {
      case FUNC -> Kind.FUNCTION;
      case TYPE -> Kind.TYPE;
      case COMPONENT -> Kind.COMPONENT;
      case VALUE -> Kind.VALUE;
      case CORE_MODULE -> Kind.CORE_MODULE;
      default -> Kind.INTERFACE;
    };
  }

  /**
   * An import or export; an interface's exported types go into {@code types}, its resources bound
   * to the types {@code resources} gives for their names.
   */
  static Item item(
      String name,
      ExternDesc desc,
      TypeSpace space,
      Map<String, TypeSpace.Entry> types,
      java.util.function.Function<String, ResourceType> resources) {
    return switch (desc) {
      case ExternDesc.Instance i -> {
        TypeSpace.Entry e = space.get(i.typeIndex());
        yield e.type().orElse(null) instanceof DefinedType.InstanceType it
            ? new Item(
                name, Kind.INTERFACE, members(it, e, types, resources), true, Optional.empty())
            : new Item(name, Kind.INTERFACE, List.of(), false, Optional.empty());
      }
      case ExternDesc.Func f -> {
        Optional<Function> fn = function(name, space.get(f.typeIndex()));
        yield new Item(name, Kind.FUNCTION, List.of(), fn.isPresent(), fn);
      }
      default -> new Item(name, kind(desc.sort()), List.of(), false, Optional.empty());
    };
  }

  /**
   * The members an instance type {@code it}, defined as entry {@code e}, declares; the types it
   * exports go into {@code types}, by name.
   */
  private static List<Member> members(
      DefinedType.InstanceType it,
      TypeSpace.Entry e,
      Map<String, TypeSpace.Entry> types,
      java.util.function.Function<String, ResourceType> resources) {
    TypeSpace space = new TypeSpace(e.home());
    List<Member> members = new ArrayList<>();
    for (Declaration d : it.declarations()) {
      switch (d) {
        case Declaration.TypeDecl t -> space.define(t.type());
        case Declaration.AliasDecl a -> {
          if (a.alias().sort() == Sort.TYPE && a.alias().target() instanceof Alias.Outer o) {
            space.alias(o.count(), o.index());
          } else if (a.alias().sort() == Sort.TYPE) {
            space.add(TypeSpace.Entry.UNKNOWN);
          }
        }
        case Declaration.ExportDecl x -> {
          switch (x.desc()) {
            case ExternDesc.Type t -> {
              if (t.isSubResource()) {
                space.resource(x.name(), resources.apply(x.name()));
                members.add(new Resource(x.name()));
              } else {
                TypeSpace.Entry target = space.get(t.equalTo());
                members.add(new NamedType(x.name(), Shapes.of(target, 0)));
                space.add(target.named(x.name()));
              }
              types.put(x.name(), space.get(space.size() - 1));
            }
            case ExternDesc.Func f ->
                function(x.name(), space.get(f.typeIndex())).ifPresent(members::add);
            default -> {}
          }
        }
        default -> {}
      }
    }
    return members;
  }

  static Optional<Function> function(String name, TypeSpace.Entry e) {
    if (!(e.type().orElse(null) instanceof DefinedType.Func f)) {
      return Optional.empty();
    }
    List<Shape.Field> params = new ArrayList<>();
    for (DefinedType.Param p : f.params()) {
      params.add(new Shape.Field(p.name(), Shapes.of(p.type(), e)));
    }
    return Optional.of(new Function(name, params, f.result().map(r -> Shapes.of(r, e)), f.async()));
  }
}
