package dev.cortado.component;

import dev.cortado.runtime.Store;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function of a component instance: one it exports, or one it was given. Calling it lowers the
 * arguments into the instance, runs it and lifts the result out (the canonical ABI).
 */
public final class ComponentFunction {
  private final World.Function type;
  private final ComponentHostFunction.WithStore body;
  // The store the function runs in: a lifted function's instance's, or the one a host function is
  // called from (empty until it is bound to one, for a host function defined in a linker).
  private final Optional<Store> store;

  private ComponentFunction(
      World.Function type, ComponentHostFunction.WithStore body, Optional<Store> store) {
    this.type = Objects.requireNonNull(type, "type");
    this.body = Objects.requireNonNull(body, "body");
    this.store = store;
  }

  /** Returns a function of instance {@code store} (a lifted one). */
  static ComponentFunction of(Store store, World.Function type, ComponentHostFunction body) {
    return new ComponentFunction(type, (s, args) -> body.call(args), Optional.of(store));
  }

  /** Returns a host function, run in the store of whichever instance calls it. */
  static ComponentFunction host(World.Function type, ComponentHostFunction.WithStore body) {
    return new ComponentFunction(type, body, Optional.empty());
  }

  /**
   * Returns this function bound to {@code store}, for an instance that exports a host function it
   * imports: calls from Java run it in the instance's store.
   */
  ComponentFunction in(Store store) {
    return this.store.isPresent() ? this : new ComponentFunction(type, body, Optional.of(store));
  }

  /**
   * Calls the function from an instance running in {@code caller}, the arguments already lifted
   * (and not copied: the caller made them).
   */
  Optional<ComponentValue> callFrom(Store caller, List<ComponentValue> args) {
    return body.call(store.orElse(caller), args);
  }

  /** Returns the function's type: its name, parameters and result. */
  public World.Function type() {
    return type;
  }

  /**
   * Calls the function.
   *
   * @param args one value per parameter
   * @return the result, empty if the function has none
   * @throws IllegalArgumentException if the number of arguments is wrong, or an argument is not a
   *     value of its parameter's type
   * @throws dev.cortado.runtime.Trap if the component traps (also for a value that breaks the
   *     canonical ABI, of kind {@link dev.cortado.runtime.TrapKind#CANONICAL_ABI})
   */
  public Optional<ComponentValue> call(List<ComponentValue> args) {
    if (args.size() != type.params().size()) {
      throw new IllegalArgumentException(
          type.name() + " takes " + type.params().size() + " arguments, not " + args.size());
    }
    Store s =
        store.orElseThrow(
            () ->
                new IllegalStateException(
                    type.name() + " is a host function of no instance: call it through one"));
    return body.call(s, List.copyOf(args));
  }

  /** Calls the function with {@code args}; see {@link #call(List)}. */
  public Optional<ComponentValue> call(ComponentValue... args) {
    return call(Arrays.asList(args));
  }

  @Override
  public String toString() {
    return "func " + type.name();
  }
}
