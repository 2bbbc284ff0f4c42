package dev.cortado.component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed form of WIT text, before names are resolved ({@link WitParser} builds it). */
final class WitSyntax {
  private WitSyntax() {}

  /** Where an item was written, for messages. */
  record At(String file, int line, int column) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column;
    }
  }

  /** A package: {@code namespace:name@version} with its interfaces and worlds. */
  record Package(
      String namespace,
      String name,
      Optional<String> version,
      List<Interface> interfaces,
      List<WorldDef> worlds,
      At at) {
    String id() {
      return namespace + ":" + name + version.map(v -> "@" + v).orElse("");
    }
  }

  /** A named interface. */
  record Interface(String name, List<Item> items, At at) {}

  /** An item of an interface (or of a world's scope): a type, a use or a function. */
  sealed interface Item permits TypeDef, Use, Func {}

  /** A named type. */
  record TypeDef(String name, TypeBody body, At at) implements Item {}

  /** {@code use path.{a, b as c};}: names from another interface. */
  record Use(Path path, List<String[]> names, At at) implements Item {}

  /** A function. */
  record Func(String name, Signature signature, At at) implements Item {}

  /** A function type. */
  record Signature(List<Param> params, Optional<Ty> result, boolean async) {}

  /** A parameter. */
  record Param(String name, Ty type) {}

  /** What a named type is. */
  sealed interface TypeBody permits Record, Variant, Enum, Flags, Alias, Resource {}

  /** A record. */
  record Record(List<Param> fields) implements TypeBody {}

  /** A variant: cases with optional payloads. */
  record Variant(List<Case> cases) implements TypeBody {}

  /** A variant case. */
  record Case(String name, Optional<Ty> payload) {}

  /** An enum. */
  record Enum(List<String> labels) implements TypeBody {}

  /** Flags. */
  record Flags(List<String> labels) implements TypeBody {}

  /** {@code type name = ty;}. */
  record Alias(Ty type) implements TypeBody {}

  /** A resource with its methods, static functions and constructor. */
  record Resource(List<ResourceFunc> functions) implements TypeBody {}

  /** What a resource function is. */
  enum FuncKind {
    METHOD,
    STATIC,
    CONSTRUCTOR
  }

  /** A function of a resource. */
  record ResourceFunc(FuncKind kind, String name, Signature signature, At at) {}

  /** A type as written. */
  sealed interface Ty permits Prim, Named, ListTy, OptionTy, ResultTy, TupleTy, Handle, Async {}

  /** A primitive type. */
  record Prim(PrimitiveType type) implements Ty {}

  /** A type by name. */
  record Named(String name, At at) implements Ty {}

  /** {@code list<t>} or {@code list<t, n>}. */
  record ListTy(Ty element, int length) implements Ty {}

  /** {@code option<t>}. */
  record OptionTy(Ty value) implements Ty {}

  /** {@code result}, {@code result<t>}, {@code result<_, e>}, {@code result<t, e>}. */
  record ResultTy(Optional<Ty> ok, Optional<Ty> error) implements Ty {}

  /** {@code tuple<...>}. */
  record TupleTy(List<Ty> elements) implements Ty {}

  /** {@code borrow<r>} or {@code own<r>}. */
  record Handle(String resource, boolean owned, At at) implements Ty {}

  /** {@code stream<t>} or {@code future<t>} (async). */
  record Async(boolean stream, Optional<Ty> element) implements Ty {}

  /**
   * A path to an interface: {@code name} in this package, or {@code ns:pkg/name@version} in
   * another.
   */
  record Path(Optional<String> packageId, String name, At at) {
    @Override
    public String toString() {
      return packageId.map(p -> qualified(p, name)).orElse(name);
    }

    /** {@code ns:pkg@v} and {@code i} give {@code ns:pkg/i@v}. */
    static String qualified(String packageId, String name) {
      int at = packageId.indexOf('@');
      return at < 0
          ? packageId + "/" + name
          : packageId.substring(0, at) + "/" + name + packageId.substring(at);
    }
  }

  /** A world. */
  record WorldDef(String name, List<WorldItem> items, At at) {}

  /** An item of a world. */
  sealed interface WorldItem permits Extern, Include, Scoped {}

  /**
   * An import or export: an interface by path, an inline interface, or a function.
   *
   * @param export whether it is an export
   * @param name the name of an inline interface or a function (empty for a path)
   * @param path the interface's path, for an interface by path
   * @param items an inline interface's items
   * @param function a function's signature
   */
  record Extern(
      boolean export,
      String name,
      Optional<Path> path,
      List<Item> items,
      Optional<Signature> function,
      At at)
      implements WorldItem {}

  /** {@code include path;} or {@code include path with { a as b };} (plain names renamed). */
  record Include(Path path, Map<String, String> renames, At at) implements WorldItem {}

  /** A type or use at world level. */
  record Scoped(Item item) implements WorldItem {}
}
