package dev.cortado.runtime;

import dev.cortado.runtime.internal.store.ModuleInstance;
import java.util.Arrays;
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

  /** The exports in the module's order; the map by name is made when first asked for. */
  private final Extern[] exports;

  private volatile Map<String, Extern> exportMap;

  Instance(Store store, Module module, ModuleInstance runtime, Extern[] exports) {
    this.store = store;
    this.module = module;
    this.runtime = runtime;
    this.exports = exports;
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
        (index, imp, s) -> {
          Extern e = imports.get(index);
          if (e == null) {
            throw new NullPointerException("import " + index);
          }
          return e;
        },
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
    // Made on demand: a component's instantiation (one per request in a server) finds the few
    // exports it aliases by name, and building a map of all of them for every instance cost more.
    Map<String, Extern> map = exportMap;
    if (map == null) {
      List<dev.cortado.wasm.Export> declared = module.exports();
      LinkedHashMap<String, Extern> m = LinkedHashMap.newLinkedHashMap(exports.length);
      for (int i = 0; i < exports.length; i++) {
        m.put(declared.get(i).name(), exports[i]);
      }
      map = Collections.unmodifiableMap(m);
      exportMap = map;
    }
    return map;
  }

  /**
   * Returns the exports in the order the module declares them ({@link Module#exports()}): what a
   * host that finds exports by position, once it knows their names, reads without a map.
   */
  public List<Extern> exportList() {
    return Collections.unmodifiableList(Arrays.asList(exports));
  }

  /** Returns export {@code name}, or null. */
  private Extern find(String name) {
    int i = module.exportIndex(name);
    return i < 0 ? null : exports[i];
  }

  /** Returns export {@code name}, if there is one. */
  public Optional<Extern> export(String name) {
    return Optional.ofNullable(find(name));
  }

  /** Returns exported function {@code name}, if there is one. */
  public Optional<Func> func(String name) {
    return find(name) instanceof Func f ? Optional.of(f) : Optional.empty();
  }

  /** Returns exported memory {@code name}, if there is one. */
  public Optional<Memory> memory(String name) {
    return find(name) instanceof Memory m ? Optional.of(m) : Optional.empty();
  }

  /** Returns exported table {@code name}, if there is one. */
  public Optional<Table> table(String name) {
    return find(name) instanceof Table t ? Optional.of(t) : Optional.empty();
  }

  /** Returns exported global {@code name}, if there is one. */
  public Optional<Global> global(String name) {
    return find(name) instanceof Global g ? Optional.of(g) : Optional.empty();
  }

  /** Returns exported exception tag {@code name}, if there is one (Wasm 3.0). */
  public Optional<Tag> tag(String name) {
    return find(name) instanceof Tag t ? Optional.of(t) : Optional.empty();
  }
}
