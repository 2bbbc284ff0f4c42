package dev.cortado.server.internal;

import dev.cortado.component.WasiKeyValue;
import dev.cortado.server.Component;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An application's key-value stores, one per label its components name, shared by them all and kept
 * in files ({@code STATE/key-value/LABEL.kv}) so that they outlive the server: opened when serving
 * starts, closed when it stops. {@code STATE} is {@link ServerConfig#stateDir()}, or {@code
 * .cortado} in the manifest's folder.
 */
final class KeyValueStores implements AutoCloseable {
  private final Map<String, WasiKeyValue.Store> stores = new LinkedHashMap<>();

  private static final java.util.regex.Pattern LABEL =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** Returns why {@code label} cannot name a store (it becomes a file name), if it cannot. */
  static Optional<String> checkLabel(String label) {
    return LABEL.matcher(label).matches()
        ? Optional.empty()
        : Optional.of(
            "\""
                + label
                + "\" is not a store label (letters, digits, '_' and '-', at most 64, starting with"
                + " a letter or digit)");
  }

  /** No stores (an application that is not a manifest). */
  KeyValueStores() {}

  /**
   * Opens the stores {@code manifest}'s components name.
   *
   * @throws ServeException if one cannot be opened (unwritable folder, damaged file, in use)
   */
  KeyValueStores(Manifest manifest, ServerConfig config) {
    Path folder =
        config.stateDir().orElse(manifest.folder().resolve(".cortado")).resolve("key-value");
    try {
      for (Component c : manifest.components().values()) {
        for (String label : c.keyValueStores()) {
          if (checkLabel(label).isPresent()) {
            throw new ServeException(
                "component \"" + c.id() + "\": key_value_stores: " + checkLabel(label).get());
          }
          if (!stores.containsKey(label)) {
            Path file = folder.resolve(label + ".kv");
            try {
              stores.put(label, WasiKeyValue.fileStore(file));
            } catch (IOException e) {
              throw new ServeException(
                  "cannot open key-value store \""
                      + label
                      + "\" ("
                      + file
                      + "): "
                      + e.getMessage()
                      + "; give another folder with --state-dir");
            }
          }
        }
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Returns the labels open, in the order first named. */
  java.util.Set<String> labels() {
    return stores.keySet();
  }

  /** Returns what {@code component} gets when it opens a label: its own stores, no others. */
  Function<String, Optional<WasiKeyValue.Store>> of(Component component) {
    return label ->
        component.keyValueStores().contains(label)
            ? Optional.ofNullable(stores.get(label))
            : Optional.empty();
  }

  @Override
  public void close() {
    stores.values().forEach(WasiKeyValue.Store::close);
  }
}
