package dev.cortado.component;

import dev.cortado.runtime.Module;
import java.util.Map;

/**
 * What a component-level index space holds once instantiated: the values imports, aliases and
 * exports pass around.
 */
sealed interface Item {
  /** Returns the sort of index space the item belongs to. */
  Sort sort();

  /** A component function. */
  record Fn(ComponentFunction function) implements Item {
    @Override
    public Sort sort() {
      return Sort.FUNC;
    }
  }

  /**
   * A component instance: its exports by name, in a map the instance takes over (its maker does not
   * change it after; not copied, as instantiation makes instances at every request).
   */
  record Inst(Map<String, Item> exports) implements Item {
    public Inst {
      exports = java.util.Collections.unmodifiableMap(exports);
    }

    @Override
    public Sort sort() {
      return Sort.INSTANCE;
    }
  }

  /** A type. */
  record Type(TypeSpace.Entry entry) implements Item {
    @Override
    public Sort sort() {
      return Sort.TYPE;
    }
  }

  /** A component, with the instantiation its outer aliases refer to. */
  record Comp(Component component, Frame enclosing) implements Item {
    @Override
    public Sort sort() {
      return Sort.COMPONENT;
    }
  }

  /** A core module, compiled. */
  record CoreMod(Module module) implements Item {
    @Override
    public Sort sort() {
      return Sort.CORE_MODULE;
    }
  }
}
