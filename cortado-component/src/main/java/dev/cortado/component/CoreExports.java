package dev.cortado.component;

import dev.cortado.runtime.Extern;
import dev.cortado.runtime.Instance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A core instance as a component's definitions see it: its exports by position, and by name. An
 * instantiation looks each name up where the previous instantiation found it ({@link #find}), so
 * after the first it builds no map and hashes no name: a module's instance is read through its
 * export list, an instance of inline exports is two arrays.
 */
abstract sealed class CoreExports {
  /** Returns the number of exports. */
  abstract int size();

  /** Returns the name of export {@code i}. */
  abstract String name(int i);

  /** Returns export {@code i}. */
  abstract Extern at(int i);

  /** The positions by name, made at the first lookup without a good hint in a big instance. */
  private Map<String, Integer> byName;

  /** Returns the position of export {@code name}, or -1, without a hint. */
  final int indexOf(String name) {
    int n = size();
    if (n <= 16) {
      for (int i = 0; i < n; i++) {
        String x = name(i);
        if (x == name || x.equals(name)) {
          return i;
        }
      }
      return -1;
    }
    if (byName == null) {
      byName = HashMap.newHashMap(n);
      for (int i = n - 1; i >= 0; i--) {
        byName.put(name(i), i);
      }
    }
    Integer i = byName.get(name);
    return i == null ? -1 : i;
  }

  /**
   * Returns the position of export {@code name}, or -1: {@code hint} if the export there has that
   * name (the names of a component and its modules are interned, so that is mostly one identity
   * test), else looked up.
   */
  final int find(String name, int hint) {
    if (hint >= 0 && hint < size()) {
      String n = name(hint);
      if (n == name || n.equals(name)) {
        return hint;
      }
    }
    return indexOf(name);
  }

  /** Returns the exports of {@code instance}. */
  static CoreExports of(Instance instance) {
    return new ModuleExports(instance);
  }

  /** Returns the exports of a bundle of inline exports, names and externs in the same order. */
  static CoreExports of(String[] names, Extern[] externs) {
    return new Bundle(names, externs);
  }

  private static final class ModuleExports extends CoreExports {
    private final List<dev.cortado.wasm.Export> declared;
    private final Extern[] externs;

    ModuleExports(Instance instance) {
      this.declared = instance.module().exports();
      this.externs = instance.exportList().toArray(new Extern[0]);
    }

    @Override
    int size() {
      return externs.length;
    }

    @Override
    String name(int i) {
      return declared.get(i).name();
    }

    @Override
    Extern at(int i) {
      return externs[i];
    }
  }

  private static final class Bundle extends CoreExports {
    private final String[] names;
    private final Extern[] externs;

    Bundle(String[] names, Extern[] externs) {
      this.names = names;
      this.externs = externs;
    }

    @Override
    int size() {
      return names.length;
    }

    @Override
    String name(int i) {
      return names[i];
    }

    @Override
    Extern at(int i) {
      return externs[i];
    }
  }
}
