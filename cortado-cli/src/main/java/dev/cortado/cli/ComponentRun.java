package dev.cortado.cli;

import dev.cortado.component.Component;
import dev.cortado.component.ComponentFunction;
import dev.cortado.component.ComponentInstance;
import dev.cortado.component.ComponentLinkException;
import dev.cortado.component.ComponentLinker;
import dev.cortado.component.ComponentValue;
import dev.cortado.component.WasiPreview2;
import dev.cortado.runtime.Store;
import dev.cortado.runtime.UnlinkableException;
import dev.cortado.wasi.WasiConfig;
import dev.cortado.wasm.Bytes;
import dev.cortado.wasm.MalformedException;
import java.util.Optional;

/**
 * {@code cortado run} of a component: a {@code wasi:cli/command} run through WASI 0.2, its exit
 * status 0 when {@code run} returns ok, 1 when it returns an error (WASI 0.2's exit takes no code).
 */
final class ComponentRun {
  private ComponentRun() {}

  /** The interface a command component exports. */
  static final String RUN_INTERFACE = "wasi:cli/run@0.2.0";

  /** Runs component {@code bytes}, named {@code name} in messages; returns the exit status. */
  static int run(String name, Store store, Bytes bytes, WasiConfig config) {
    Component component;
    try {
      component = Component.decode(bytes);
    } catch (MalformedException e) {
      throw new UserException(name + ": " + e.getMessage());
    }
    try (WasiPreview2 wasi = WasiPreview2.create(config)) {
      ComponentLinker linker = wasi.addTo(ComponentLinker.create());
      wasi.enter(store);
      ComponentInstance instance;
      try {
        Activity.now("instantiating " + name);
        instance = linker.instantiate(store, component);
      } catch (ComponentLinkException | UnlinkableException e) {
        throw new UserException(name + ": " + e.getMessage());
      }
      ComponentFunction run =
          instance
              .function(RUN_INTERFACE, "run")
              .orElseThrow(
                  () ->
                      new UserException(
                          name
                              + ": the component exports no wasi:cli/run interface, so it is not a"
                              + " command (it exports: "
                              + String.join(", ", instance.exportNames())
                              + ")"));
      Activity.now("running " + name);
      Optional<ComponentValue> result = run.call();
      return result.orElse(null) instanceof ComponentValue.ResultV r && r.ok() ? 0 : 1;
    }
  }
}
