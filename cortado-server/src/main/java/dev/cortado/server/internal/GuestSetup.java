package dev.cortado.server.internal;

import dev.cortado.runtime.Engine;
import dev.cortado.runtime.Store;
import dev.cortado.server.Component;
import dev.cortado.server.ServerConfig;
import dev.cortado.wasi.Preopen;
import dev.cortado.wasi.WasiConfig;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every instance of a served component gets, whatever its executor: a store with the server's
 * limits, and through WASI its staged files and the server's directories, and an environment of the
 * server's variables, the component's own and its Spin variables ({@code SPIN_VARIABLE_<NAME>}).
 */
final class GuestSetup {
  private static final SecureRandom RANDOM = new SecureRandom();

  private GuestSetup() {}

  /** Returns a fresh store for one request: the server's memory limits, fuel and timeout. */
  static Store store(Engine engine, ServerConfig config) {
    Store store = Store.create(engine, config.storeConfig());
    config.fuel().ifPresent(store::setFuel);
    config.timeout().ifPresent(store::setTimeout);
    return store;
  }

  /**
   * Ends a request's {@code store}: closes it, which cancels its deadline (so that a server under
   * load does not keep one pending alarm per finished request until each would have fired) and
   * hands its memories back to the engine for the next requests' (so that a request does not
   * allocate, and the collector reclaim, a fresh linear memory).
   */
  static void finish(Store store) {
    store.close();
  }

  /** Returns the WASI configuration with {@code files} and the server's directories preopened. */
  static WasiConfig preopened(FileStaging files, ServerConfig config) {
    WasiConfig c = WasiConfig.defaults().withRandom(RANDOM);
    for (Preopen p : files.preopens()) {
      c = c.withPreopen(p);
    }
    for (Preopen p : config.preopens()) {
      c = c.withPreopen(p);
    }
    return c;
  }

  /** Returns {@code component}'s environment, its variables rendered with {@code variables}. */
  static Map<String, String> environment(
      Component component, ServerConfig config, Map<String, String> variables) {
    Map<String, String> env = new LinkedHashMap<>(config.environment());
    env.putAll(component.environment());
    component
        .variables()
        .forEach(
            (k, template) ->
                env.put(
                    "SPIN_VARIABLE_" + k.toUpperCase(Locale.ROOT),
                    Templates.render(template, variables)));
    return env;
  }
}
