package dev.cortado.component.internal.wasi;

import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.ResourceType;
import java.util.List;
import java.util.Optional;

/**
 * A component linker as WASI's interfaces define themselves in it: each function's body is given
 * the {@link Host} of the store calling it, so that one linker, defined once, serves every run.
 */
final class HostLinker {
  /** A WASI function's body. */
  @FunctionalInterface
  interface Body {
    Optional<ComponentValue> call(Host h, List<ComponentValue> args);
  }

  private final ComponentLinker linker;

  HostLinker(ComponentLinker linker) {
    this.linker = linker;
  }

  void defineFunction(String iface, String name, Body body) {
    linker.defineFunction(iface, name, (store, args) -> body.call(Host.of(store), args));
  }

  void defineResource(String iface, ResourceType type) {
    linker.defineResource(iface, type);
  }
}
