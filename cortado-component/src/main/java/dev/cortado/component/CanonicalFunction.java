package dev.cortado.component;

import java.util.List;

/**
 * A function the canonical ABI defines: a core function lifted to a component function, a component
 * function lowered to a core function, or a resource built-in.
 */
public sealed interface CanonicalFunction
    permits CanonicalFunction.Lift,
        CanonicalFunction.Lower,
        CanonicalFunction.ResourceNew,
        CanonicalFunction.ResourceDrop,
        CanonicalFunction.ResourceRep {

  /** Returns the sort of the function this defines: {@code func} or {@code core func}. */
  Sort sort();

  /**
   * {@code canon lift}: core function {@code coreFunc} as a component function of type {@code
   * typeIndex}.
   *
   * @param coreFunc the core function's index
   * @param options the canonical options
   * @param typeIndex the function type's index
   */
  record Lift(int coreFunc, List<CanonicalOption> options, int typeIndex)
      implements CanonicalFunction {
    /** Copies the options. */
    public Lift {
      options = List.copyOf(options);
    }

    @Override
    public Sort sort() {
      return Sort.FUNC;
    }
  }

  /**
   * {@code canon lower}: component function {@code func} as a core function.
   *
   * @param func the component function's index
   * @param options the canonical options
   */
  record Lower(int func, List<CanonicalOption> options) implements CanonicalFunction {
    /** Copies the options. */
    public Lower {
      options = List.copyOf(options);
    }

    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /**
   * {@code canon resource.new}: makes a handle of resource type {@code resource}.
   *
   * @param resource the resource type's index
   */
  record ResourceNew(int resource) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /**
   * {@code canon resource.drop}: drops a handle of resource type {@code resource}.
   *
   * @param resource the resource type's index
   * @param async whether the drop is asynchronous
   */
  record ResourceDrop(int resource, boolean async) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /**
   * {@code canon resource.rep}: the representation of a handle of resource type {@code resource}.
   *
   * @param resource the resource type's index
   */
  record ResourceRep(int resource) implements CanonicalFunction {
    @Override
    public Sort sort() {
      return Sort.CORE_FUNC;
    }
  }

  /** An option of {@code canon lift} or {@code canon lower}. */
  sealed interface CanonicalOption permits Encoding, Memory, Realloc, PostReturn, Async, Callback {}

  /** How strings are encoded in linear memory. */
  enum Encoding implements CanonicalOption {
    /** UTF-8. */
    UTF8,
    /** UTF-16. */
    UTF16,
    /** Latin-1, or UTF-16 when a string needs it. */
    LATIN1_UTF16
  }

  /**
   * The core memory strings and lists live in.
   *
   * @param memory the core memory's index
   */
  record Memory(int memory) implements CanonicalOption {}

  /**
   * The core function that allocates in that memory.
   *
   * @param function the core function's index
   */
  record Realloc(int function) implements CanonicalOption {}

  /**
   * The core function called after a lifted function's results are read.
   *
   * @param function the core function's index
   */
  record PostReturn(int function) implements CanonicalOption {}

  /** The function is asynchronous. */
  record Async() implements CanonicalOption {}

  /**
   * The core function an asynchronous lifted function's events go to.
   *
   * @param function the core function's index
   */
  record Callback(int function) implements CanonicalOption {}
}
