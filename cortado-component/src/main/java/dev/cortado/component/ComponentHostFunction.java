package dev.cortado.component;

import dev.cortado.runtime.Store;
import java.util.List;
import java.util.Optional;

/**
 * A component function written in Java: what a host gives a component for a function it imports.
 * Arguments arrive lifted, as the function's type says; a resource handle arrives as a {@link
 * ComponentValue.Resource} (a borrowed one valid only during the call). Throwing {@link
 * AbiException} makes the calling component trap.
 *
 * <pre>{@code
 * linker.defineFunction("example:math/ops@1.0.0", "add", args -> {
 *   long a = ((ComponentValue.Int) args.get(0)).value();
 *   long b = ((ComponentValue.Int) args.get(1)).value();
 *   return Optional.of(new ComponentValue.Int(PrimitiveType.U32, (a + b) & 0xFFFF_FFFFL));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ComponentHostFunction {
  /**
   * Runs the function.
   *
   * @param args the arguments, one per parameter
   * @return the result, empty for a function without one
   */
  Optional<ComponentValue> call(List<ComponentValue> args);

  /**
   * A component function written in Java that needs the store of the instance calling it: to find
   * the state of one run attached there ({@link Store#attach}), so that one linker, defined once,
   * serves every store.
   *
   * <pre>{@code
   * linker.defineFunction("example:app/session@1.0.0", "user", (store, args) ->
   *     Optional.of(new ComponentValue.Str(store.attachment(Session.class).orElseThrow().user())));
   * }</pre>
   */
  @FunctionalInterface
  interface WithStore {
    /**
     * Runs the function.
     *
     * @param store the store of the instance calling it
     * @param args the arguments, one per parameter
     * @return the result, empty for a function without one
     */
    Optional<ComponentValue> call(Store store, List<ComponentValue> args);
  }
}
