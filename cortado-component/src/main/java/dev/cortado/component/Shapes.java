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

  /** Returns {@code f}'s type as WIT writes it, for messages. */
  static String describe(World.Function f) {
    return WorldText.signature(f);
  }

  /**
   * Returns whether {@code a} and {@code b} have the same type: parameters of the same names and
   * shapes, the same result. Shapes compare by structure, the names given to types aside, and
   * handles by own or borrow (see {@link #same}).
   */
  static boolean sameType(World.Function a, World.Function b) {
    if (a.params().size() != b.params().size() || a.async() != b.async()) {
      return false;
    }
    for (int i = 0; i < a.params().size(); i++) {
      Shape.Field x = a.params().get(i);
      Shape.Field y = b.params().get(i);
      if (!x.name().equals(y.name()) || !same(x.shape(), y.shape())) {
        return false;
      }
    }
    return same(a.result(), b.result());
  }

  private static boolean same(Optional<Shape> a, Optional<Shape> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || same(a.get(), b.get()));
  }

  /**
   * Returns whether {@code a} and {@code b} are the same value type, by structure; a handle matches
   * a handle of the same ownership (which resource it names is bound only at instantiation), and an
   * unresolved shape matches anything (validation reports it elsewhere).
   */
  static boolean same(Shape a, Shape b) {
    if (a instanceof Shape.Unresolved || b instanceof Shape.Unresolved) {
      return true;
    }
    return switch (a) {
      case Shape.Primitive p -> b instanceof Shape.Primitive q && p.type() == q.type();
      case Shape.ListOf l ->
          b instanceof Shape.ListOf m
              && l.fixedLength() == m.fixedLength()
              && same(l.element(), m.element());
      case Shape.Record r ->
          b instanceof Shape.Record t
              && r.fields().size() == t.fields().size()
              && allSame(
                  r.fields().size(),
                  i ->
                      r.fields().get(i).name().equals(t.fields().get(i).name())
                          && same(r.fields().get(i).shape(), t.fields().get(i).shape()));
      case Shape.Variant v ->
          b instanceof Shape.Variant w
              && v.cases().size() == w.cases().size()
              && allSame(
                  v.cases().size(),
                  i ->
                      v.cases().get(i).name().equals(w.cases().get(i).name())
                          && same(v.cases().get(i).payload(), w.cases().get(i).payload()));
      case Shape.Tuple t ->
          b instanceof Shape.Tuple u
              && t.elements().size() == u.elements().size()
              && allSame(t.elements().size(), i -> same(t.elements().get(i), u.elements().get(i)));
      case Shape.Flags f -> b instanceof Shape.Flags g && f.labels().equals(g.labels());
      case Shape.Enum e -> b instanceof Shape.Enum g && e.labels().equals(g.labels());
      case Shape.Option o -> b instanceof Shape.Option p && same(o.value(), p.value());
      case Shape.Result r ->
          b instanceof Shape.Result t && same(r.ok(), t.ok()) && same(r.error(), t.error());
      case Shape.Handle h -> b instanceof Shape.Handle k && h.owned() == k.owned();
      case Shape.Stream st -> b instanceof Shape.Stream su && same(st.element(), su.element());
      case Shape.Future fu -> b instanceof Shape.Future fv && same(fu.value(), fv.value());
      case Shape.Unresolved un -> true;
    };
  }

  private static boolean allSame(int n, java.util.function.IntPredicate same) {
    for (int i = 0; i < n; i++) {
      if (!same.test(i)) {
        return false;
      }
    }
    return true;
  }
}
