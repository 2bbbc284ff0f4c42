package dev.cortado.runtime;

import dev.cortado.wasm.FuncType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Names what instantiation gives a module's imports: externs of a store, host functions, or all the
 * exports of an instance. Reusable: one linker can instantiate many modules, in many stores (host
 * functions defined with {@link #define(String, String, FuncType, HostFunction)} are created in
 * each store that uses them).
 */
public final class Linker {
  /** What a name is defined as. */
  sealed interface Definition {}

  /** An extern of one store. */
  record ExternDefinition(Extern extern) implements Definition {}

  /** A host function, not yet bound to a store. */
  record HostDefinition(FuncType type, HostFunction body) implements Definition {}

  private final Map<String, Map<String, Definition>> definitions = new HashMap<>();

  private Linker() {}

  /** Returns an empty linker. */
  public static Linker create() {
    return new Linker();
  }

  private Linker put(String module, String name, Definition d) {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(name, "name");
    definitions.computeIfAbsent(module, k -> new HashMap<>()).put(name, d);
    return this;
  }

  /** Defines {@code module}.{@code name} as {@code extern}, replacing any earlier definition. */
  public Linker define(String module, String name, Extern extern) {
    return put(module, name, new ExternDefinition(Objects.requireNonNull(extern, "extern")));
  }

  /** Defines {@code module}.{@code name} as a host function of {@code type}. */
  public Linker define(String module, String name, FuncType type, HostFunction body) {
    return put(
        module,
        name,
        new HostDefinition(Objects.requireNonNull(type, "type"), Objects.requireNonNull(body)));
  }

  /** Defines every export of {@code instance} under module name {@code module}. */
  public Linker define(String module, Instance instance) {
    instance.exports().forEach((name, extern) -> define(module, name, extern));
    return this;
  }

  /** Returns the definition of {@code module}.{@code name} as an extern of {@code store}. */
  Optional<Definition> definition(String module, String name) {
    Map<String, Definition> names = definitions.get(module);
    return names == null ? Optional.empty() : Optional.ofNullable(names.get(name));
  }

  /** Returns whether anything is defined under module name {@code module}. */
  boolean hasModule(String module) {
    return definitions.containsKey(module);
  }

  /**
   * Instantiates {@code module} in {@code store}: resolves its imports here, initializes its
   * tables, memories and globals, runs its start function.
   *
   * @throws UnlinkableException if an import is missing or does not match
   * @throws Trap if a segment does not fit or the start function traps
   * @throws InstantiationException if a memory or table exceeds the store's limits
   */
  public Instance instantiate(Store store, Module module) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(module, "module");
    if (module.engine() != store.engine()) {
      throw new IllegalArgumentException("the module was compiled with another engine");
    }
    return Instantiation.run(Instantiation.of(this), store, module);
  }
}
