package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resolves value types to {@link Shape}s through the type index spaces they were defined in. */
final class Shapes {
  private Shapes() {}

  /** The deepest a shape is spelled out: an (invalid) type referring to itself ends there. */
  static final int MAX_DEPTH = 32;

  /** Returns the shape of value type {@code t}, a part of {@code owner}'s definition. */
  static Shape of(ValueType t, TypeSpace.Entry owner) {
    return of(t, owner, 0);
  }

  private static Shape of(ValueType t, TypeSpace.Entry owner, int depth) {
    return switch (t) {
      case PrimitiveType p -> new Shape.Primitive(p, Optional.empty());
      case ValueType.Indexed i -> {
        TypeSpace.Entry e = owner.part(t);
        yield e == null ? unresolved("type " + i.text(), Optional.empty()) : of(e, depth + 1);
      }
    };
  }

  /** Returns the shape of the value type entry {@code e} stands for. */
  static Shape of(TypeSpace.Entry e, int depth) {
    Optional<String> name = e.name();
    if (depth > MAX_DEPTH) {
      return unresolved("a type nested too deeply, or referring to itself", name);
    }
    if (!(e.type().orElse(null) instanceof DefinedType.Value v)) {
      return unresolved(e.type().isEmpty() ? "an imported type" : "not a value type", name);
    }
    int d = depth;
    return switch (v.type()) {
      case ValueDefinition.Primitive p -> new Shape.Primitive(p.type(), name);
      case ValueDefinition.ListOf l ->
          new Shape.ListOf(of(l.element(), e, d), l.fixedLength(), name);
      case ValueDefinition.Record r -> {
        List<Shape.Field> fields = new ArrayList<>();
        for (ValueDefinition.Field f : r.fields()) {
          fields.add(new Shape.Field(f.name(), of(f.type(), e, d)));
        }
        yield new Shape.Record(fields, name);
      }
      case ValueDefinition.Variant vr -> {
        List<Shape.Case> cases = new ArrayList<>();
        for (ValueDefinition.Case c : vr.cases()) {
          cases.add(new Shape.Case(c.name(), c.type().map(x -> of(x, e, d))));
        }
        yield new Shape.Variant(cases, name);
      }
      case ValueDefinition.Tuple t ->
          new Shape.Tuple(t.types().stream().map(x -> of(x, e, d)).toList(), name);
      case ValueDefinition.Flags f -> new Shape.Flags(f.names(), name);
      case ValueDefinition.Enum en -> new Shape.Enum(en.names(), name);
      case ValueDefinition.Option o -> new Shape.Option(of(o.type(), e, d), name);
      case ValueDefinition.Result r ->
          new Shape.Result(r.ok().map(x -> of(x, e, d)), r.error().map(x -> of(x, e, d)), name);
      case ValueDefinition.Own o -> handle(e, o.resource(), true, name);
      case ValueDefinition.Borrow b -> handle(e, b.resource(), false, name);
      case ValueDefinition.Stream s -> new Shape.Stream(s.element().map(x -> of(x, e, d)), name);
      case ValueDefinition.Future f -> new Shape.Future(f.type().map(x -> of(x, e, d)), name);
    };
  }

  private static Shape handle(
      TypeSpace.Entry owner, int index, boolean owned, Optional<String> name) {
    TypeSpace.Entry r = owner.part(new ValueType.Indexed(index));
    String resource = r == null ? "?" : r.name().orElse("?");
    // An index that is no resource gets a type of its own, which no handle matches.
    ResourceType type =
        r == null || r.resource() == null ? ResourceType.abstractType(resource) : r.resource();
    return new Shape.Handle(resource, type, owned, name);
  }

  private static Shape unresolved(String why, Optional<String> name) {
    return new Shape.Unresolved(why, name);
  }

  /** Returns why a parameter or the result of {@code f} is unresolved, if one is. */
  static Optional<String> unresolved(World.Function f) {
    return f.params().stream()
        .map(p -> unresolved(p.shape()))
        .flatMap(Optional::stream)
        .findFirst()
        .or(() -> f.result().flatMap(Shapes::unresolved));
  }

  /** Returns why {@code s}, or a shape inside it, is unresolved, if one is. */
  static Optional<String> unresolved(Shape s) {
    return switch (s) {
      case Shape.Unresolved u -> Optional.of(u.why());
      case Shape.ListOf l -> unresolved(l.element());
      case Shape.Record r ->
          r.fields().stream().map(f -> unresolved(f.shape())).flatMap(Optional::stream).findFirst();
      case Shape.Variant v ->
          v.cases().stream()
              .map(c -> c.payload().flatMap(Shapes::unresolved))
              .flatMap(Optional::stream)
              .findFirst();
      case Shape.Tuple t ->
          t.elements().stream().map(Shapes::unresolved).flatMap(Optional::stream).findFirst();
      case Shape.Option o -> unresolved(o.value());
      case Shape.Result r ->
          r.ok().flatMap(Shapes::unresolved).or(() -> r.error().flatMap(Shapes::unresolved));
      case Shape.Stream st -> st.element().flatMap(Shapes::unresolved);
      case Shape.Future f -> f.value().flatMap(Shapes::unresolved);
      default -> Optional.empty();
    };
  }
}
