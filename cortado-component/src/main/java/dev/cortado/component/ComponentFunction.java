package dev.cortado.component;

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
  private final ComponentHostFunction body;

  ComponentFunction(World.Function type, ComponentHostFunction body) {
    this.type = Objects.requireNonNull(type, "type");
    this.body = Objects.requireNonNull(body, "body");
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
    return body.call(List.copyOf(args));
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
