package dev.cortado.component;

import dev.cortado.wasm.FuncType;
import dev.cortado.wasm.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical ABI's layout of component values: how many bytes a value takes in linear memory and
 * at what alignment, and which core values it flattens to, so that a component function becomes a
 * core function type. Tuples, enums, options and results are laid out as the records and variants
 * they stand for.
 *
 * @see <a
 *     href="https://github.com/WebAssembly/component-model/blob/main/design/mvp/CanonicalABI.md">
 *     The canonical ABI</a>
 */
public final class CanonicalAbi {
  private CanonicalAbi() {}

  /** The most core parameters a flattened function passes directly; more go through memory. */
  public static final int MAX_FLAT_PARAMS = 16;

  /** The most core results a flattened function returns directly; more go through memory. */
  public static final int MAX_FLAT_RESULTS = 1;

  /**
   * The layout of a compound shape, computed once per shape object: a call lowering or lifting a
   * value walks the same types again and again (a {@code wasi:http} error code is a variant of 39
   * cases), so each walk is remembered.
   */
  private record Layout(
      Shape shape,
      int size,
      int alignment,
      List<ValType> flat,
      List<Optional<Shape>> cases,
      int payloadOffset,
      boolean handles) {}

  // Direct-mapped by identity, a slot overwritten on collision: bounded, so shapes made by every
  // instantiation cannot grow it, and lock-free (a slot holds an immutable layout, or an older
  // one).
  private static final Layout[] LAYOUTS = new Layout[4096];

  private static Layout layout(Shape s) {
    int slot = System.identityHashCode(s) & (LAYOUTS.length - 1);
    Layout l = LAYOUTS[slot];
    if (l != null && l.shape() == s) {
      return l;
    }
    boolean variant =
        s instanceof Shape.Variant
            || s instanceof Shape.Enum
            || s instanceof Shape.Option
            || s instanceof Shape.Result
            || s instanceof Shape.Unresolved;
    List<ValType> flat = new ArrayList<>();
    computeFlatten(s, flat);
    List<Optional<Shape>> cases = variant ? computeCases(s) : List.of();
    l =
        new Layout(
            s,
            computeSize(s),
            computeAlignment(s),
            List.copyOf(flat),
            cases,
            variant ? alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases)) : 0,
            Handles.anyHandle(s, h -> true));
    LAYOUTS[slot] = l;
    return l;
  }

  /**
   * Returns whether a value of shape {@code s} may hold a handle: asked at every level of every
   * value a call lifts or lowers, so kept with the layout instead of walked each time.
   */
  static boolean hasHandles(Shape s) {
    return switch (s) {
      case Shape.Primitive p -> false;
      case Shape.Handle h -> true;
      case Shape.Unresolved u -> false;
      default -> layout(s).handles();
    };
  }

  /**
   * What a call of component function {@code function} needs to know of its type, worked out once
   * per function object: whether its parameters go through memory (then as {@code tuple}), and
   * whether its result does.
   */
  record Signature(
      World.Function function, boolean paramsInMemory, Shape.Tuple tuple, boolean resultInMemory) {}

  // Direct-mapped by identity as the layouts are, for the same reasons.
  private static final Signature[] SIGNATURES = new Signature[1024];

  /** Returns the signature of {@code f}, computed the first time it is asked for. */
  static Signature signature(World.Function f) {
    int slot = System.identityHashCode(f) & (SIGNATURES.length - 1);
    Signature sig = SIGNATURES[slot];
    if (sig != null && sig.function() == f) {
      return sig;
    }
    int flat = 0;
    List<Shape> shapes = new ArrayList<>(f.params().size());
    for (Shape.Field p : f.params()) {
      shapes.add(p.shape());
      flat += flatten(p.shape()).size();
    }
    sig =
        new Signature(
            f,
            flat > MAX_FLAT_PARAMS,
            new Shape.Tuple(List.copyOf(shapes), Optional.empty()),
            f.result().isPresent() && flatten(f.result().get()).size() > MAX_FLAT_RESULTS);
    SIGNATURES[slot] = sig;
    return sig;
  }

  /** Returns the alignment of {@code s} in linear memory, in bytes. */
  public static int alignment(Shape s) {
    return s instanceof Shape.Primitive p ? primitiveSize(p.type()) : layout(s).alignment();
  }

  private static int computeAlignment(Shape s) {
    return switch (s) {
      case Shape.Primitive p -> primitiveSize(p.type());
      case Shape.ListOf l -> l.fixedLength() > 0 ? alignment(l.element()) : 4;
      case Shape.Record r -> maxAlignment(r.fields().stream().map(Shape.Field::shape).toList());
      case Shape.Tuple t -> maxAlignment(t.elements());
      case Shape.Flags f -> flagsSize(f.labels().size()) >= 4 ? 4 : flagsSize(f.labels().size());
      case Shape.Handle h -> 4;
      case Shape.Stream st -> 4;
      case Shape.Future fu -> 4;
      default -> {
        List<Optional<Shape>> cases = computeCases(s);
        yield Math.max(discriminantSize(cases.size()), maxCaseAlignment(cases));
      }
    };
  }

  /** Returns the size of {@code s} in linear memory, in bytes. */
  public static int size(Shape s) {
    if (s instanceof Shape.Primitive p) {
      return p.type() == PrimitiveType.STRING ? 8 : primitiveSize(p.type());
    }
    return layout(s).size();
  }

  private static int computeSize(Shape s) {
    return switch (s) {
      case Shape.Primitive p -> p.type() == PrimitiveType.STRING ? 8 : primitiveSize(p.type());
      case Shape.ListOf l -> l.fixedLength() > 0 ? l.fixedLength() * size(l.element()) : 8;
      case Shape.Record r -> recordSize(r.fields().stream().map(Shape.Field::shape).toList());
      case Shape.Tuple t -> recordSize(t.elements());
      case Shape.Flags f -> flagsSize(f.labels().size());
      case Shape.Handle h -> 4;
      case Shape.Stream st -> 4;
      case Shape.Future fu -> 4;
      default -> {
        List<Optional<Shape>> cases = computeCases(s);
        int size = alignTo(discriminantSize(cases.size()), maxCaseAlignment(cases));
        int payload = 0;
        for (Optional<Shape> c : cases) {
          payload = Math.max(payload, c.map(CanonicalAbi::size).orElse(0));
        }
        yield alignTo(size + payload, computeAlignment(s));
      }
    };
  }

  /** Returns the core values {@code s} flattens to (a list that cannot be modified). */
  public static List<ValType> flatten(Shape s) {
    return layout(s).flat();
  }

  /**
   * Returns where the payload of a shape laid out as a variant starts, from the variant's start:
   * the discriminant aligned to the widest case.
   */
  static int payloadOffset(Shape s) {
    return layout(s).payloadOffset();
  }

  /**
   * Returns the core function type of component function {@code f} as the canonical ABI passes it:
   * lifted (a core function called as {@code f}: its results through a pointer it returns when
   * there are several) or lowered (a core function standing for {@code f}: a pointer parameter
   * where the results go); parameters beyond {@link #MAX_FLAT_PARAMS} go through one pointer.
   */
  public static FuncType flatten(World.Function f, boolean lift) {
    List<ValType> params = new ArrayList<>();
    for (Shape.Field p : f.params()) {
      flatten(p.shape(), params);
    }
    if (params.size() > MAX_FLAT_PARAMS) {
      params = new ArrayList<>(List.of(ValType.I32));
    }
    List<ValType> results = f.result().map(CanonicalAbi::flatten).orElse(List.of());
    if (results.size() > MAX_FLAT_RESULTS) {
      if (lift) {
        results = List.of(ValType.I32);
      } else {
        params.add(ValType.I32);
        results = List.of();
      }
    }
    return FuncType.of(params, results);
  }

  private static void flatten(Shape s, List<ValType> out) {
    if (s instanceof Shape.Primitive) {
      computeFlatten(s, out);
    } else {
      out.addAll(layout(s).flat());
    }
  }

  private static void computeFlatten(Shape s, List<ValType> out) {
    switch (s) {
      case Shape.Primitive p -> {
        switch (p.type()) {
          case S64, U64 -> out.add(ValType.I64);
          case F32 -> out.add(ValType.F32);
          case F64 -> out.add(ValType.F64);
          case STRING -> {
            out.add(ValType.I32);
            out.add(ValType.I32);
          }
          default -> out.add(ValType.I32);
        }
      }
      case Shape.ListOf l -> {
        if (l.fixedLength() > 0) {
          List<ValType> element = flatten(l.element());
          for (int i = 0; i < l.fixedLength(); i++) {
            out.addAll(element);
          }
        } else {
          out.add(ValType.I32);
          out.add(ValType.I32);
        }
      }
      case Shape.Record r -> r.fields().forEach(f -> flatten(f.shape(), out));
      case Shape.Tuple t -> t.elements().forEach(e -> flatten(e, out));
      case Shape.Flags f -> {
        for (int i = 0; i < (f.labels().size() + 31) / 32; i++) {
          out.add(ValType.I32);
        }
      }
      case Shape.Handle h -> out.add(ValType.I32);
      case Shape.Stream st -> out.add(ValType.I32);
      case Shape.Future fu -> out.add(ValType.I32);
      default -> {
        List<ValType> joined = new ArrayList<>();
        for (Optional<Shape> c : computeCases(s)) {
          if (c.isPresent()) {
            List<ValType> flat = flatten(c.get());
            for (int i = 0; i < flat.size(); i++) {
              if (i < joined.size()) {
                joined.set(i, join(joined.get(i), flat.get(i)));
              } else {
                joined.add(flat.get(i));
              }
            }
          }
        }
        out.add(ValType.I32); // the discriminant
        out.addAll(joined);
      }
    }
  }

  private static ValType join(ValType a, ValType b) {
    if (a == b) {
      return a;
    }
    if ((a == ValType.I32 && b == ValType.F32) || (a == ValType.F32 && b == ValType.I32)) {
      return ValType.I32;
    }
    return ValType.I64;
  }

  /** The cases of a shape laid out as a variant: their payloads, in order. */
  static List<Optional<Shape>> cases(Shape s) {
    if (s instanceof Shape.Unresolved u) {
      throw new IllegalArgumentException("cannot lay out an unresolved type: " + u.why());
    }
    return layout(s).cases();
  }

  private static List<Optional<Shape>> computeCases(Shape s) {
    return switch (s) {
      case Shape.Variant v -> v.cases().stream().map(Shape.Case::payload).toList();
      case Shape.Enum e -> e.labels().stream().map(l -> Optional.<Shape>empty()).toList();
      case Shape.Option o -> List.of(Optional.empty(), Optional.of(o.value()));
      case Shape.Result r -> List.of(r.ok(), r.error());
      case Shape.Unresolved u ->
          throw new IllegalArgumentException("cannot lay out an unresolved type: " + u.why());
      default -> throw new AssertionError(s);
    };
  }

  private static int primitiveSize(PrimitiveType t) {
    return switch (t) {
      case BOOL, S8, U8 -> 1;
      case S16, U16 -> 2;
      case S32, U32, F32, CHAR, STRING, ERROR_CONTEXT -> 4;
      case S64, U64, F64 -> 8;
    };
  }

  static int discriminantSize(int cases) {
    return cases <= 256 ? 1 : cases <= 65536 ? 2 : 4;
  }

  static int flagsSize(int n) {
    return n <= 8 ? 1 : n <= 16 ? 2 : 4 * ((n + 31) / 32);
  }

  private static int maxAlignment(List<Shape> shapes) {
    int a = 1;
    for (Shape s : shapes) {
      a = Math.max(a, alignment(s));
    }
    return a;
  }

  static int maxCaseAlignment(List<Optional<Shape>> cases) {
    int a = 1;
    for (Optional<Shape> c : cases) {
      a = Math.max(a, c.map(CanonicalAbi::alignment).orElse(1));
    }
    return a;
  }

  private static int recordSize(List<Shape> fields) {
    int s = 0;
    for (Shape f : fields) {
      s = alignTo(s, alignment(f)) + size(f);
    }
    return alignTo(s, maxAlignment(fields));
  }

  static int alignTo(int offset, int alignment) {
    return (offset + alignment - 1) / alignment * alignment;
  }
}
