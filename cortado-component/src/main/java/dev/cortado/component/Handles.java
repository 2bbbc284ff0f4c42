package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resource handles across a component instance's boundary: lifting turns the handle indices a core
 * module passes ({@link ComponentValue.HandleV}) into resources ({@link ComponentValue.Resource})
 * through the instance's handle table, lowering puts resources into the table and passes their
 * indices. Values without handles pass unchanged.
 */
final class Handles {
  private Handles() {}

  /** The instance side of a crossing: its handle table and the resource types it implements. */
  interface Side {
    HandleTable table();

    /** Returns whether the instance implements {@code type} (then a borrow passes its rep). */
    boolean implementsType(ResourceType type);
  }

  /**
   * Returns whether a value of shape {@code s} may hold a handle {@code which} accepts. Loops, not
   * streams: instantiation asks this of every lifted and lowered function's type.
   */
  static boolean anyHandle(Shape s, java.util.function.Predicate<Shape.Handle> which) {
    switch (s) {
      case Shape.Handle h -> {
        return which.test(h);
      }
      case Shape.ListOf l -> {
        return anyHandle(l.element(), which);
      }
      case Shape.Record r -> {
        for (Shape.Field f : r.fields()) {
          if (anyHandle(f.shape(), which)) {
            return true;
          }
        }
        return false;
      }
      case Shape.Variant v -> {
        for (Shape.Case c : v.cases()) {
          if (c.payload().isPresent() && anyHandle(c.payload().get(), which)) {
            return true;
          }
        }
        return false;
      }
      case Shape.Tuple t -> {
        for (Shape e : t.elements()) {
          if (anyHandle(e, which)) {
            return true;
          }
        }
        return false;
      }
      case Shape.Option o -> {
        return anyHandle(o.value(), which);
      }
      case Shape.Result r -> {
        return (r.ok().isPresent() && anyHandle(r.ok().get(), which))
            || (r.error().isPresent() && anyHandle(r.error().get(), which));
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Returns whether a parameter or the result of {@code f} may hold a handle {@code which} accepts.
   */
  static boolean anyHandle(World.Function f, java.util.function.Predicate<Shape.Handle> which) {
    for (Shape.Field p : f.params()) {
      if (anyHandle(p.shape(), which)) {
        return true;
      }
    }
    return f.result().isPresent() && anyHandle(f.result().get(), which);
  }

  /**
   * Returns whether {@code f} is the same at every instantiation of a component whose imports
   * resolve the same: whether its handles are all to resource types the host implements (one object
   * for every instantiation), none to a component's own (fresh at each).
   */
  static boolean sameEveryInstantiation(World.Function f) {
    return !anyHandle(f, h -> h.type() == null || h.type().destructor().isEmpty());
  }

  /**
   * Lifts the handles in {@code v}, of shape {@code s}, out of {@code side} during {@code call}.
   */
  static ComponentValue lift(Shape s, ComponentValue v, Side side, HandleTable.Call call) {
    return map(s, v, (h, x) -> lift(h, x, side, call));
  }

  /** Lowers the resources in {@code v}, of shape {@code s}, into {@code side} for {@code call}. */
  static ComponentValue lower(Shape s, ComponentValue v, Side side, HandleTable.Call call) {
    return map(s, v, (h, x) -> lower(h, x, side, call));
  }

  private static ComponentValue lift(
      Shape.Handle h, ComponentValue v, Side side, HandleTable.Call call) {
    int handle = CanonicalValues.as(v, ComponentValue.HandleV.class).handle();
    Object rep =
        h.owned()
            ? side.table().liftOwn(handle, h.type())
            : side.table().liftBorrow(handle, h.type(), call);
    return new ComponentValue.Resource(h.type(), rep);
  }

  private static ComponentValue lower(
      Shape.Handle h, ComponentValue v, Side side, HandleTable.Call call) {
    ComponentValue.Resource r = CanonicalValues.as(v, ComponentValue.Resource.class);
    if (r.type() != h.type()) {
      throw new AbiException(
          "a " + r.type().name() + " resource where a " + h.resource() + " was expected");
    }
    if (h.owned()) {
      return new ComponentValue.HandleV(side.table().addOwn(h.type(), r.rep()));
    }
    if (side.implementsType(h.type()) && r.rep() instanceof Integer rep) {
      return new ComponentValue.HandleV(rep);
    }
    return new ComponentValue.HandleV(side.table().addBorrow(h.type(), r.rep(), call));
  }

  private interface HandleMap {
    ComponentValue apply(Shape.Handle h, ComponentValue v);
  }

  private static ComponentValue map(Shape s, ComponentValue v, HandleMap f) {
    if (!CanonicalAbi.hasHandles(s)) {
      return v;
    }
    return switch (s) {
      case Shape.Handle h -> f.apply(h, v);
      case Shape.ListOf l -> {
        List<ComponentValue> out = new ArrayList<>();
        for (ComponentValue e : CanonicalValues.as(v, ComponentValue.ListV.class).elements()) {
          out.add(map(l.element(), e, f));
        }
        yield new ComponentValue.ListV(out);
      }
      case Shape.Record r -> {
        List<ComponentValue> fields = CanonicalValues.as(v, ComponentValue.RecordV.class).fields();
        List<ComponentValue> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
          out.add(map(r.fields().get(i).shape(), fields.get(i), f));
        }
        yield new ComponentValue.RecordV(out);
      }
      case Shape.Tuple t -> {
        List<ComponentValue> es = CanonicalValues.as(v, ComponentValue.TupleV.class).elements();
        List<ComponentValue> out = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
          out.add(map(t.elements().get(i), es.get(i), f));
        }
        yield new ComponentValue.TupleV(out);
      }
      case Shape.Variant vr -> {
        ComponentValue.VariantV x = CanonicalValues.as(v, ComponentValue.VariantV.class);
        Optional<Shape> p = vr.cases().get(x.index()).payload();
        yield new ComponentValue.VariantV(
            x.index(), x.payload().map(y -> map(p.orElseThrow(), y, f)));
      }
      case Shape.Option o ->
          new ComponentValue.OptionV(
              CanonicalValues.as(v, ComponentValue.OptionV.class)
                  .value()
                  .map(y -> map(o.value(), y, f)));
      case Shape.Result r -> {
        ComponentValue.ResultV x = CanonicalValues.as(v, ComponentValue.ResultV.class);
        Optional<Shape> p = x.ok() ? r.ok() : r.error();
        yield new ComponentValue.ResultV(x.ok(), x.payload().map(y -> map(p.orElseThrow(), y, f)));
      }
      default -> v;
    };
  }
}
