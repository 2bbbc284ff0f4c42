package dev.cortado.server;

import dev.cortado.server.internal.ManifestParser;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An application to serve: a Spin manifest (version 2, {@code spin.toml}) as read, the one-route
 * application made of a single WASI preview1 module ({@link #forModule}), a bindle's WAGI routes
 * ({@link #forBindle}), or a Spin application pulled from a registry ({@link #fromLockedApp}).
 *
 * @param file the manifest file (for a single module: the module file); relative paths in the
 *     manifest are relative to its folder
 * @param application the {@code [application]} table
 * @param variables the {@code [variables]} table, in file order
 * @param triggers the {@code [[trigger.http]]} entries, in file order
 * @param components the {@code [component.<id>]} tables and inline components, by id, in file order
 * @see <a href="https://spinframework.dev/v3/manifest-reference">Spin manifest reference</a>
 */
public record Manifest(
    Path file,
    Application application,
    List<Variable> variables,
    List<HttpTrigger> triggers,
    Map<String, Component> components) {
  /** Checks every part is present and copies the collections. */
  public Manifest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(application, "application");
    variables = List.copyOf(variables);
    triggers = List.copyOf(triggers);
    components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  /**
   * Reads and checks the Spin manifest {@code file}: every key known, every value of the right type
   * and form, every component a trigger names defined, every route unique, every file a component
   * names present.
   *
   * @throws ManifestException naming the file, line and key of the first problem
   */
  public static Manifest read(Path file) {
    return ManifestParser.read(file);
  }

  /**
   * Returns the application that serves one file on every path ({@code /...}), as {@code cortado
   * serve MODULE.wasm} does: a {@code wasi:http} component with Spin's executor, a WASI preview1
   * module through WAGI.
   */
  public static Manifest forModule(Path module) {
    Path name = module.getFileName();
    String id = ManifestParser.componentIdFor(name == null ? "module" : name.toString());
    Component c =
        new Component(
            id,
            new Component.Source(module.toAbsolutePath(), Optional.empty()),
            List.of(),
            List.of(),
            Map.of(),
            Map.of(),
            List.of());
    HttpTrigger t =
        new HttpTrigger(
            Route.parse("/..."),
            Optional.of(id),
            isComponent(module) ? new Executor.Spin() : new Executor.Wagi(),
            Optional.empty());
    return new Manifest(
        module.toAbsolutePath(),
        new Application(id, Optional.empty(), Optional.empty(), "/"),
        List.of(),
        List.of(t),
        Map.of(id, c));
  }

  /** Returns whether {@code file} starts like a component (a file that cannot be read: no). */
  private static boolean isComponent(Path file) {
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return dev.cortado.component.Component.isComponent(
          dev.cortado.wasm.Bytes.of(in.readNBytes(8)));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /**
   * Returns the application that serves {@code bindle} as WAGI does: each parcel with a {@code
   * feature.wagi.route} on its route, with its {@code argv} and {@code entrypoint}, seeing the
   * asset parcels it requires as read-only files at {@code /<label name>}.
   *
   * @throws ServeException if the bindle has no routed parcel, or a route or allowed host is not
   *     valid
   */
  public static Manifest forBindle(dev.cortado.oci.Bindle bindle) {
    return dev.cortado.server.internal.BindleApplication.of(bindle);
  }

  /**
   * Returns the application that serves the Spin application {@code app}, pulled from a registry
   * ({@link dev.cortado.oci.SpinApplication}): its HTTP triggers, components with their Wasm and
   * files from the store (each file mounted read-only at {@code /<path>}), variables, environment,
   * configuration and {@code allowed_outbound_hosts}.
   *
   * @param app the locked app, its content in the store
   * @param lockedAppFile the locked app's JSON in the store (the application's {@link #file()})
   * @throws ServeException naming the trigger, component or variable that cannot be served (a
   *     trigger of another type than HTTP, an unknown executor, a route that does not parse, ...)
   */
  public static Manifest fromLockedApp(dev.cortado.oci.LockedApp app, Path lockedAppFile) {
    return dev.cortado.server.internal.LockedApps.toManifest(app, lockedAppFile);
  }

  /**
   * Returns this application as Spin's locked app, as {@code spin registry push} locks a manifest:
   * every file a component sees listed at its path (globs and folders expanded, {@code
   * exclude_files} left out), each with its digest; the content stays in local files.
   *
   * @throws ServeException if a file cannot be read or a source does not match its digest
   */
  public dev.cortado.oci.LockedApp lock() {
    return dev.cortado.server.internal.ManifestLock.of(this);
  }

  /** Returns the folder relative paths in the manifest start from. */
  public Path folder() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("/") : parent;
  }

  /**
   * The {@code [application]} table.
   *
   * @param name the application's name
   * @param version its version, if given
   * @param description its description, if given
   * @param basePath {@code [application.trigger.http] base}: the path every route is under ({@code
   *     /} by default)
   */
  public record Application(
      String name, Optional<String> version, Optional<String> description, String basePath) {
    /** Checks every part is present. */
    public Application {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(basePath, "basePath");
    }
  }
}
