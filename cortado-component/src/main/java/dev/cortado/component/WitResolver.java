package dev.cortado.component;

import dev.cortado.component.WitSyntax.Interface;
import dev.cortado.component.WitSyntax.Package;
import dev.cortado.component.WitSyntax.TypeDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves parsed WIT packages into {@link World}s: every type name to the {@link Shape} it stands
 * for (through {@code use} across interfaces and packages), every resource to one {@link
 * ResourceType} (so the handles of one resource are one type wherever they appear), resource
 * functions to the component model's {@code [method]}, {@code [static]} and {@code [constructor]}
 * functions, {@code include}s merged, and the interfaces a world's interfaces {@code use} imported
 * with them, as the component model has it.
 */
final class WitResolver {
  private static final int MAX_DEPTH = 64;

  /** What a name in an interface's or world's scope stands for. */
  private record Binding(String name, TypeDef def, Scope scope) {}

  /** The names visible in one interface or world, and where the interface is. */
  private final class Scope {
    final Package pkg;
    final String qualified;
    final Map<String, Binding> names = new LinkedHashMap<>();
    final List<String> usedInterfaces = new ArrayList<>();

    Scope(Package pkg, String qualified) {
      this.pkg = pkg;
      this.qualified = qualified;
    }

    Binding lookup(String name, WitSyntax.At at) {
      Binding b = names.get(name);
      if (b == null) {
        throw new WitException(at + ": no type named \"" + name + "\" in " + qualified);
      }
      return b;
    }
  }

  private final List<Package> packages;
  private final Map<String, Scope> interfaces = new HashMap<>();
  private final Map<String, Boolean> resolving = new HashMap<>();
  private final Map<TypeDef, ResourceType> resources = new HashMap<>();

  WitResolver(List<Package> packages) {
    this.packages = List.copyOf(packages);
  }

  /** Returns every world's qualified name ({@code ns:pkg/world@version}). */
  List<String> worldNames() {
    List<String> names = new ArrayList<>();
    for (Package p : packages) {
      for (WitSyntax.WorldDef w : p.worlds()) {
        names.add(WitSyntax.Path.qualified(p.id(), w.name()));
      }
    }
    return names;
  }

  /** Returns the world named {@code name}: qualified, or plain when one package has it. */
  World world(String name) {
    List<String> found = new ArrayList<>();
    for (String q : worldNames()) {
      if (q.equals(name) || InterfaceNames.unversioned(q).equals(name) || plain(q).equals(name)) {
        found.add(q);
      }
    }
    if (found.size() != 1) {
      throw new WitException(
          (found.isEmpty() ? "no world named \"" : "more than one world named \"")
              + name
              + "\"; the worlds are "
              + worldNames());
    }
    for (Package p : packages) {
      for (WitSyntax.WorldDef w : p.worlds()) {
        if (WitSyntax.Path.qualified(p.id(), w.name()).equals(found.get(0))) {
          Map<String, World.Item> imports = new LinkedHashMap<>();
          Map<String, World.Item> exports = new LinkedHashMap<>();
          worldItems(p, w, imports, exports, 0);
          return new World(List.copyOf(imports.values()), List.copyOf(exports.values()));
        }
      }
    }
    throw new IllegalStateException("found world vanished: " + found.get(0));
  }

  private static String plain(String qualified) {
    String u = InterfaceNames.unversioned(qualified);
    return u.substring(u.indexOf('/') + 1);
  }

  private void worldItems(
      Package p,
      WitSyntax.WorldDef w,
      Map<String, World.Item> imports,
      Map<String, World.Item> exports,
      int depth) {
    if (depth > MAX_DEPTH) {
      throw new WitException(w.at() + ": world " + w.name() + " includes itself");
    }
    Scope scope = new Scope(p, WitSyntax.Path.qualified(p.id(), w.name()));
    // A world's types and uses first: as in an interface, a name may be used above its definition.
    for (WitSyntax.WorldItem item : w.items()) {
      if (item instanceof WitSyntax.Scoped s) {
        define(scope, s.item());
      }
    }
    for (WitSyntax.WorldItem item : w.items()) {
      switch (item) {
        case WitSyntax.Scoped s -> {}
        case WitSyntax.Include inc -> {
          Package target = inc.path().packageId().map(id -> pkg(id, inc.at())).orElse(p);
          WitSyntax.WorldDef included =
              target.worlds().stream()
                  .filter(x -> x.name().equals(inc.path().name()))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new WitException(inc.at() + ": no world " + inc.path() + " to include"));
          Map<String, World.Item> inImports = new LinkedHashMap<>();
          Map<String, World.Item> inExports = new LinkedHashMap<>();
          worldItems(target, included, inImports, inExports, depth + 1);
          for (String from : inc.renames().keySet()) {
            if (!inImports.containsKey(from) && !inExports.containsKey(from)) {
              throw new WitException(
                  inc.at() + ": world " + inc.path() + " has no import or export \"" + from + "\"");
            }
          }
          merge(inImports, imports, inc.renames());
          merge(inExports, exports, inc.renames());
        }
        case WitSyntax.Extern e -> {
          Map<String, World.Item> side = e.export() ? exports : imports;
          if (e.path().isPresent()) {
            Scope s = iface(p, e.path().get());
            side.putIfAbsent(s.qualified, interfaceItem(s.qualified, s));
            importUsed(s, imports, 0);
          } else if (e.function().isPresent()) {
            World.Function f = function(e.name(), e.function().get(), scope, List.of());
            side.putIfAbsent(
                e.name(),
                new World.Item(e.name(), World.Kind.FUNCTION, List.of(), true, Optional.of(f)));
          } else {
            Scope s = new Scope(p, e.name());
            s.names.putAll(scope.names);
            for (WitSyntax.Item i : e.items()) {
              define(s, i);
            }
            side.putIfAbsent(e.name(), interfaceItem(e.name(), s, e.items()));
            importUsed(s, imports, 0);
          }
        }
      }
    }
    importUsed(scope, imports, 0);
  }

  /** Adds {@code from}'s items to {@code into}, plain names renamed by {@code renames}. */
  private static void merge(
      Map<String, World.Item> from, Map<String, World.Item> into, Map<String, String> renames) {
    for (World.Item i : from.values()) {
      String name = renames.getOrDefault(i.name(), i.name());
      World.Item renamed =
          name.equals(i.name())
              ? i
              : new World.Item(
                  name,
                  i.kind(),
                  i.members(),
                  i.declared(),
                  i.function()
                      .map(f -> new World.Function(name, f.params(), f.result(), f.async())));
      into.putIfAbsent(name, renamed);
    }
  }

  /** Adds the interfaces {@code s} uses types from to {@code imports}, transitively. */
  private void importUsed(Scope s, Map<String, World.Item> imports, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    for (String q : s.usedInterfaces) {
      Scope used = interfaces.get(q);
      if (used != null && !imports.containsKey(q)) {
        imports.put(q, interfaceItem(q, used));
        importUsed(used, imports, depth + 1);
      }
    }
  }

  private Package pkg(String id, WitSyntax.At at) {
    for (Package p : packages) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    List<Package> unversioned = new ArrayList<>();
    for (Package p : packages) {
      if (InterfaceNames.unversioned(p.id()).equals(InterfaceNames.unversioned(id))) {
        unversioned.add(p);
      }
    }
    if (unversioned.size() == 1 && !id.contains("@")) {
      return unversioned.get(0);
    }
    throw new WitException(at + ": no package " + id + " among the WIT given (give its files too)");
  }

  /**
   * Returns the resolved scope of the interface {@code path} names, seen from package {@code p}.
   */
  private Scope iface(Package p, WitSyntax.Path path) {
    Package target = path.packageId().map(id -> pkg(id, path.at())).orElse(p);
    Interface def =
        target.interfaces().stream()
            .filter(i -> i.name().equals(path.name()))
            .findFirst()
            .orElseThrow(
                () ->
                    new WitException(
                        path.at() + ": no interface " + path.name() + " in " + target.id()));
    String q = WitSyntax.Path.qualified(target.id(), def.name());
    Scope done = interfaces.get(q);
    if (done != null) {
      return done;
    }
    if (resolving.putIfAbsent(q, true) != null) {
      throw new WitException(def.at() + ": interfaces use each other's types in a cycle: " + q);
    }
    Scope s = new Scope(target, q);
    for (WitSyntax.Item item : def.items()) {
      define(s, item);
    }
    interfaces.put(q, s);
    resolving.remove(q);
    return s;
  }

  /** Brings a type or a use's names into {@code s} (functions are read by interfaceItem). */
  private void define(Scope s, WitSyntax.Item item) {
    switch (item) {
      case TypeDef t -> bind(s, t.name(), new Binding(t.name(), t, s), t.at());
      case WitSyntax.Use u -> {
        Scope from = iface(s.pkg, u.path());
        if (!s.usedInterfaces.contains(from.qualified)) {
          s.usedInterfaces.add(from.qualified);
        }
        for (String[] n : u.names()) {
          Binding b = from.lookup(n[0], u.at());
          bind(s, n[1], new Binding(n[1], b.def(), b.scope()), u.at());
        }
      }
      case WitSyntax.Func f -> {}
    }
  }

  private static void bind(Scope s, String name, Binding b, WitSyntax.At at) {
    if (s.names.putIfAbsent(name, b) != null) {
      throw new WitException(at + ": \"" + name + "\" is defined twice in " + s.qualified);
    }
  }

  private World.Item interfaceItem(String name, Scope s) {
    Interface def =
        s.pkg.interfaces().stream()
            .filter(i -> WitSyntax.Path.qualified(s.pkg.id(), i.name()).equals(s.qualified))
            .findFirst()
            .orElseThrow();
    return interfaceItem(name, s, def.items());
  }

  /** The interface's members in order: types, resources with their functions, functions. */
  private World.Item interfaceItem(String name, Scope s, List<WitSyntax.Item> items) {
    List<World.Member> members = new ArrayList<>();
    for (WitSyntax.Item item : items) {
      switch (item) {
        case TypeDef t -> {
          if (t.body() instanceof WitSyntax.Resource r) {
            members.add(new World.Resource(t.name()));
            for (WitSyntax.ResourceFunc f : r.functions()) {
              members.add(resourceFunction(t, f, s));
            }
          } else {
            members.add(new World.NamedType(t.name(), named(shapeOf(t, s, 0), t.name())));
          }
        }
        case WitSyntax.Use u -> {
          for (String[] n : u.names()) {
            Binding b = s.names.get(n[1]);
            members.add(
                b.def().body() instanceof WitSyntax.Resource
                    ? new World.Resource(n[1])
                    : new World.NamedType(n[1], named(shapeOf(b.def(), b.scope(), 0), n[1])));
          }
        }
        case WitSyntax.Func f -> members.add(function(f.name(), f.signature(), s, List.of()));
      }
    }
    return new World.Item(name, World.Kind.INTERFACE, members, true, Optional.empty());
  }

  private World.Function resourceFunction(TypeDef t, WitSyntax.ResourceFunc f, Scope s) {
    ResourceType type = resource(t);
    return switch (f.kind()) {
      case METHOD ->
          function(
              "[method]" + t.name() + "." + f.name(),
              f.signature(),
              s,
              List.of(
                  new Shape.Field(
                      "self", new Shape.Handle(t.name(), type, false, Optional.empty()))));
      case STATIC -> function("[static]" + t.name() + "." + f.name(), f.signature(), s, List.of());
      case CONSTRUCTOR -> {
        World.Function c = function("[constructor]" + t.name(), f.signature(), s, List.of());
        Shape own = new Shape.Handle(t.name(), type, true, Optional.empty());
        yield new World.Function(c.name(), c.params(), Optional.of(c.result().orElse(own)), false);
      }
    };
  }

  private World.Function function(
      String name, WitSyntax.Signature sig, Scope s, List<Shape.Field> leading) {
    List<Shape.Field> params = new ArrayList<>(leading);
    for (WitSyntax.Param p : sig.params()) {
      params.add(new Shape.Field(p.name(), shape(p.type(), s, 0)));
    }
    return new World.Function(name, params, sig.result().map(r -> shape(r, s, 0)), sig.async());
  }

  private ResourceType resource(TypeDef t) {
    return resources.computeIfAbsent(t, d -> ResourceType.abstractType(d.name()));
  }

  private Shape shape(WitSyntax.Ty ty, Scope s, int depth) {
    if (depth > MAX_DEPTH) {
      throw new WitException("a type is nested too deeply, or refers to itself, in " + s.qualified);
    }
    return switch (ty) {
      case WitSyntax.Prim p -> new Shape.Primitive(p.type(), Optional.empty());
      case WitSyntax.Named n -> {
        Binding b = s.lookup(n.name(), n.at());
        if (b.def().body() instanceof WitSyntax.Resource) {
          yield new Shape.Handle(b.def().name(), resource(b.def()), true, Optional.empty());
        }
        yield named(shapeOf(b.def(), b.scope(), depth + 1), n.name());
      }
      case WitSyntax.ListTy l ->
          new Shape.ListOf(shape(l.element(), s, depth + 1), l.length(), Optional.empty());
      case WitSyntax.OptionTy o ->
          new Shape.Option(shape(o.value(), s, depth + 1), Optional.empty());
      case WitSyntax.ResultTy r ->
          new Shape.Result(
              r.ok().map(x -> shape(x, s, depth + 1)),
              r.error().map(x -> shape(x, s, depth + 1)),
              Optional.empty());
      case WitSyntax.TupleTy t ->
          new Shape.Tuple(
              t.elements().stream().map(x -> shape(x, s, depth + 1)).toList(), Optional.empty());
      case WitSyntax.Handle h -> {
        Binding b = s.lookup(h.resource(), h.at());
        if (!(b.def().body() instanceof WitSyntax.Resource)) {
          throw new WitException(h.at() + ": \"" + h.resource() + "\" is not a resource");
        }
        yield new Shape.Handle(b.def().name(), resource(b.def()), h.owned(), Optional.empty());
      }
      case WitSyntax.Async a ->
          a.stream()
              ? new Shape.Stream(a.element().map(x -> shape(x, s, depth + 1)), Optional.empty())
              : new Shape.Future(a.element().map(x -> shape(x, s, depth + 1)), Optional.empty());
    };
  }

  /** The shape of named type {@code t}, defined in {@code s}. */
  private Shape shapeOf(TypeDef t, Scope s, int depth) {
    if (depth > MAX_DEPTH) {
      throw new WitException(t.at() + ": type " + t.name() + " refers to itself");
    }
    return switch (t.body()) {
      case WitSyntax.Record r ->
          new Shape.Record(
              r.fields().stream()
                  .map(f -> new Shape.Field(f.name(), shape(f.type(), s, depth + 1)))
                  .toList(),
              Optional.empty());
      case WitSyntax.Variant v ->
          new Shape.Variant(
              v.cases().stream()
                  .map(c -> new Shape.Case(c.name(), c.payload().map(x -> shape(x, s, depth + 1))))
                  .toList(),
              Optional.empty());
      case WitSyntax.Enum e -> new Shape.Enum(e.labels(), Optional.empty());
      case WitSyntax.Flags f -> new Shape.Flags(f.labels(), Optional.empty());
      case WitSyntax.Alias a -> shape(a.type(), s, depth + 1);
      case WitSyntax.Resource r -> new Shape.Handle(t.name(), resource(t), true, Optional.empty());
    };
  }

  /** Returns {@code s} under the name {@code name}. */
  static Shape named(Shape s, String name) {
    Optional<String> n = Optional.of(name);
    return switch (s) {
      case Shape.Primitive p -> new Shape.Primitive(p.type(), n);
      case Shape.ListOf l -> new Shape.ListOf(l.element(), l.fixedLength(), n);
      case Shape.Record r -> new Shape.Record(r.fields(), n);
      case Shape.Variant v -> new Shape.Variant(v.cases(), n);
      case Shape.Tuple t -> new Shape.Tuple(t.elements(), n);
      case Shape.Flags f -> new Shape.Flags(f.labels(), n);
      case Shape.Enum e -> new Shape.Enum(e.labels(), n);
      case Shape.Option o -> new Shape.Option(o.value(), n);
      case Shape.Result r -> new Shape.Result(r.ok(), r.error(), n);
      case Shape.Handle h -> new Shape.Handle(h.resource(), h.type(), h.owned(), n);
      case Shape.Stream st -> new Shape.Stream(st.element(), n);
      case Shape.Future f -> new Shape.Future(f.value(), n);
      case Shape.Unresolved u -> new Shape.Unresolved(u.why(), n);
    };
  }
}
