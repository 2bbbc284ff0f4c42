package dev.cortado.cli;

import dev.cortado.oci.Bindle;
import dev.cortado.oci.Bindles;
import dev.cortado.oci.LocalStore;
import dev.cortado.oci.Oci;
import dev.cortado.oci.PulledArtifact;
import dev.cortado.oci.Reference;
import dev.cortado.oci.SpinApplication;
import dev.cortado.oci.StoredImage;
import dev.cortado.oci.SuborbitalBundle;
import dev.cortado.server.Manifest;
import dev.cortado.server.ServeException;
import dev.cortado.server.ServerConfig;
import dev.cortado.server.WasmServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * What {@code cortado serve APP} names: a Spin manifest (or a folder holding {@code spin.toml}), a
 * WASI preview1 module, a standalone bindle folder (holding {@code invoice.toml}), or {@code
 * bindle:NAME/VERSION} fetched from a bindle server ({@code --bindle-server}, else {@code
 * $BINDLE_URL}) or found under {@code --bindle-path}, or a Suborbital bundle ({@code
 * runnables.wasm.zip}), or a registry reference to a module, component or Spin application.
 *
 * @param name the application's name
 * @param description what it was read from, for the start-up line
 * @param starter starts serving it with a configuration
 */
record ServeSource(String name, String description, Function<ServerConfig, WasmServer> starter) {
  static final String BINDLE = "bindle:";

  /** Reads what {@code app} names ({@code null}: ./spin.toml). */
  static ServeSource of(
      String app, Optional<String> bindleServer, Optional<Path> bindlePath, boolean insecure) {
    if (app != null && app.startsWith(BINDLE)) {
      return bindle(app.substring(BINDLE.length()), bindleServer, bindlePath);
    }
    if (bindleServer.isPresent() || bindlePath.isPresent()) {
      throw new UserException(
          "--bindle-server and --bindle-path go with a bindle:NAME/VERSION to serve");
    }
    if (app != null && Oci.isReference(app)) {
      // A module, component or Spin application pushed to a registry: pulled through the store.
      Reference ref = OciSupport.reference(app);
      PulledArtifact pulled = OciSupport.call(() -> OciSupport.oci(insecure).resolveArtifact(ref));
      try {
        return switch (pulled) {
          case SpinApplication spin -> {
            Manifest manifest = Manifest.fromLockedApp(spin.app(), spin.lockedAppFile());
            Path state = stateDir(ref);
            yield new ServeSource(
                manifest.application().name(),
                "Spin application " + app,
                config ->
                    WasmServer.start(
                        manifest,
                        config.stateDir().isPresent() ? config : config.withStateDir(state)));
          }
          case StoredImage image -> of(Manifest.forModule(image.path()), app);
        };
      } catch (ServeException e) {
        throw new UserException(e.getMessage(), e);
      }
    }
    Path path = Path.of(app == null ? "spin.toml" : app);
    if (Files.isDirectory(path) && Files.exists(path.resolve("invoice.toml"))) {
      Path folder = path;
      return served(
          () -> Bindles.readStandalone(folder, LocalStore.defaultStore()),
          "standalone bindle " + folder);
    }
    if (Files.isDirectory(path)) {
      path = path.resolve("spin.toml");
    }
    if (!Files.exists(path)) {
      throw new UserException(
          path
              + ": no such file"
              + (app == null ? " (name a spin.toml, a .wasm module or a bindle to serve)" : ""));
    }
    String name = path.getFileName().toString();
    if (SuborbitalBundle.isBundleName(path)) {
      Path zip = path;
      SuborbitalBundle bundle = OciSupport.call(() -> SuborbitalBundle.read(zip));
      return new ServeSource(
          bundle.directive().identifier(),
          "Suborbital bundle " + name,
          config -> WasmServer.start(bundle, config));
    }
    try {
      return of(name.endsWith(".toml") ? Manifest.read(path) : Manifest.forModule(path), name);
    } catch (ServeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /**
   * Returns where an application served by reference keeps its key-value stores unless told: {@code
   * $XDG_DATA_HOME/cortado/state/REGISTRY/REPOSITORY} (else under {@code ~/.local/share}), the same
   * for every tag, so that state survives an upgrade. Never in the content store.
   */
  static Path stateDir(Reference ref) {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".local", "share");
    String name = (ref.registry() + "/" + ref.repository()).replaceAll("[^A-Za-z0-9._/-]", "_");
    return data.resolve("cortado").resolve("state").resolve(name.replace("..", "_"));
  }

  private static ServeSource of(Manifest manifest, String description) {
    return new ServeSource(
        manifest.application().name(), description, config -> WasmServer.start(manifest, config));
  }

  /**
   * Starts serving.
   *
   * @throws UserException if the application cannot be served
   */
  WasmServer start(ServerConfig config) {
    try {
      return starter.apply(config);
    } catch (ServeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  private static ServeSource bindle(
      String id, Optional<String> bindleServer, Optional<Path> bindlePath) {
    if (bindleServer.isPresent() && bindlePath.isPresent()) {
      throw new UserException("give --bindle-server or --bindle-path, not both");
    }
    if (bindlePath.isPresent()) {
      Path folder = Bindles.standaloneFolder(bindlePath.get(), id);
      return served(
          () -> Bindles.readStandalone(folder, LocalStore.defaultStore()),
          "bindle " + id + " from " + folder);
    }
    String server =
        bindleServer
            .or(() -> Optional.ofNullable(System.getenv("BINDLE_URL")))
            .orElseThrow(
                () ->
                    new UserException(
                        "bindle:"
                            + id
                            + " needs a bindle server: give --bindle-server URL (as"
                            + " http://localhost:8080/v1) or set BINDLE_URL, or --bindle-path"
                            + " FOLDER for standalone bindles"));
    URI uri;
    try {
      uri = URI.create(server);
    } catch (IllegalArgumentException e) {
      throw new UserException("--bindle-server " + server + " is not a URL: " + e.getMessage());
    }
    return served(
        () -> Bindles.fetch(uri, id, LocalStore.defaultStore()), "bindle " + id + " from " + uri);
  }

  private static ServeSource served(java.util.function.Supplier<Bindle> read, String what) {
    Bindle bindle = OciSupport.call(read);
    try {
      return of(Manifest.forBindle(bindle), what);
    } catch (ServeException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
