package dev.cortado.component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An instantiated component: its exports, the functions of which can be called. Exported interfaces
 * are found by name with any semver-compatible version ({@code wasi:cli/run@0.2.0} finds {@code
 * wasi:cli/run@0.2.12}).
 */
public final class ComponentInstance {
  private final Map<String, Item> exports;
  private final Frame frame;

  ComponentInstance(Frame frame) {
    this.frame = frame;
    Map<String, Item> exports = frame.exports;
    this.exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
  }

  /** Returns the names of the instance's exports. */
  public Set<String> exportNames() {
    return exports.keySet();
  }

  /** Returns the export that serves {@code name}: itself, or a semver-compatible version. */
  Optional<Item> export(String name) {
    Item exact = exports.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return exports.entrySet().stream()
        .filter(e -> InterfaceNames.satisfies(e.getKey(), name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Returns exported function {@code name}. */
  public Optional<ComponentFunction> function(String name) {
    return exports.get(name) instanceof Item.Fn f
        ? Optional.of(f.function().in(frame.shared.store()))
        : Optional.empty();
  }

  /**
   * Returns function {@code name} of exported interface {@code iface} (any version compatible with
   * the one given, or any version if none is given).
   */
  public Optional<ComponentFunction> function(String iface, String name) {
    // A loop, not a stream: `cortado serve` looks its handler up in every request's instance.
    for (Map.Entry<String, Item> e : exports.entrySet()) {
      if (matches(e.getKey(), iface)
          && e.getValue() instanceof Item.Inst i
          && i.exports().get(name) instanceof Item.Fn f) {
        return Optional.of(f.function().in(frame.shared.store()));
      }
    }
    return Optional.empty();
  }

  /**
   * Drops resource {@code r}, which the host owns (a component gave it away as an {@code own}
   * handle): runs its destructor, the component's or the host's.
   */
  public void drop(ComponentValue.Resource r) {
    frame.destroy(r.type(), r.rep());
  }

  private static boolean matches(String exported, String wanted) {
    return wanted.indexOf('@') < 0
        ? InterfaceNames.unversioned(exported).equals(wanted)
        : InterfaceNames.satisfies(exported, wanted);
  }
}
