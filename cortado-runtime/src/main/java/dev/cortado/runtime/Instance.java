package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ModuleInstance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An instance of a module in a store: its exports, by name. */
public final class Instance {
  private final Store store;
  private final Module module;
  final ModuleInstance runtime;
  private final Map<String, Extern> exports;

  Instance(
      Store store, Module module, ModuleInstance runtime, LinkedHashMap<String, Extern> exports) {
    this.store = store;
    this.module = module;
    this.runtime = runtime;
    this.exports = Collections.unmodifiableMap(exports);
  }

  /**
   * Instantiates {@code module} in {@code store} with {@code imports} given in the order of {@link
   * Module#imports()}, one each: what a host that wires modules by position (a component's core
   * instances) does without defining names in a {@link Linker}. Initializes the tables, memories
   * and globals and runs the start function, as {@link Linker#instantiate} does.
   *
   * @throws IllegalArgumentException if the number of imports is wrong, or the module was compiled
   *     with another engine
   * @throws UnlinkableException if an import does not match
   * @throws Trap if a segment does not fit or the start function traps
   * @throws InstantiationException if a memory or table exceeds the store's limits
   */
  public static Instance create(Store store, Module module, List<? extends Extern> imports) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(module, "module");
    if (module.engine() != store.engine()) {
      throw new IllegalArgumentException("the module was compiled with another engine");
    }
    int wanted = module.imports().size();
    if (imports.size() != wanted) {
      throw new IllegalArgumentException(
          "the module has " + wanted + " imports; " + imports.size() + " were given");
    }
    return Instantiation.run(
        (index, imp, s) -> Objects.requireNonNull(imports.get(index), "import " + index),
        store,
        module);
  }

  /** Returns the store the instance lives in. */
  public Store store() {
    return store;
  }

  /** Returns the module this is an instance of. */
  public Module module() {
    return module;
  }

  /** Returns every export, by name, in the module's order. */
  public Map<String, Extern> exports() {
    return exports;
  }

  /** Returns export {@code name}, if there is one. */
  public Optional<Extern> export(String name) {
    return Optional.ofNullable(exports.get(name));
  }

  /** Returns exported function {@code name}, if there is one. */
  public Optional<Func> func(String name) {
    return exports.get(name) instanceof Func f ? Optional.of(f) : Optional.empty();
  }

  /** Returns exported memory {@code name}, if there is one. */
  public Optional<Memory> memory(String name) {
    return exports.get(name) instanceof Memory m ? Optional.of(m) : Optional.empty();
  }

  /** Returns exported table {@code name}, if there is one. */
  public Optional<Table> table(String name) {
    return exports.get(name) instanceof Table t ? Optional.of(t) : Optional.empty();
  }

  /** Returns exported global {@code name}, if there is one. */
  public Optional<Global> global(String name) {
    return exports.get(name) instanceof Global g ? Optional.of(g) : Optional.empty();
  }

  /** Returns exported exception tag {@code name}, if there is one (Wasm 3.0). */
  public Optional<Tag> tag(String name) {
    return exports.get(name) instanceof Tag t ? Optional.of(t) : Optional.empty();
  }
}
