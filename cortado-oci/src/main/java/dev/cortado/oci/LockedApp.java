package dev.cortado.oci;

import dev.cortado.oci.internal.spin.LockedAppJson;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Spin's <em>locked app</em>: a Spin application with every component's Wasm and every file it sees
 * resolved to content with a digest. It is what Spin's {@code spin registry push} stores in the
 * registry ({@code spin_lock_version}, {@code metadata}, {@code variables}, {@code triggers},
 * {@code components}); {@link SpinApplication} pushes and pulls it.
 *
 * <p>Trigger settings stay as Spin writes them, a JSON object per trigger: how they are served is
 * the server's business, not the layout's.
 *
 * @param name the application's name ({@code metadata.name})
 * @param version its version, if given
 * @param description its description, if given
 * @param authors its authors (empty when none)
 * @param origin where Spin loaded it from ({@code metadata.origin}), if recorded; a pushed
 *     application has none, as with Spin
 * @param httpBase the path every HTTP route is under ({@code /} by default)
 * @param variables the application variables, by name order
 * @param triggers the triggers, in manifest order
 * @param components the components, in manifest order
 * @see <a href="https://github.com/spinframework/spin/blob/main/crates/locked-app/src/locked.rs">
 *     Spin's locked app</a>
 */
public record LockedApp(
    String name,
    Optional<String> version,
    Optional<String> description,
    List<String> authors,
    Optional<String> origin,
    String httpBase,
    List<Variable> variables,
    List<Trigger> triggers,
    List<Component> components) {
  /** The highest {@code spin_lock_version} read (Spin writes 0, or 1 with host requirements). */
  public static final int MAX_LOCK_VERSION = 1;

  /** Checks every part is present and copies the lists. */
  public LockedApp {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(description, "description");
    authors = List.copyOf(authors);
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(httpBase, "httpBase");
    variables = List.copyOf(variables);
    triggers = List.copyOf(triggers);
    components = List.copyOf(components);
  }

  /** Returns the component {@code id}, if there is one. */
  public Optional<Component> component(String id) {
    return components.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Returns the locked app as Spin's JSON (compact, as Spin pushes it): content of {@link
   * SpinApplication#INLINE_MAX} bytes or fewer is inlined (base64) beside its digest.
   *
   * @throws OciException {@link OciException.Kind#LOCAL_IO} if a small file cannot be read
   */
  public byte[] toJson() {
    return LockedAppJson.write(this, SpinApplication.INLINE_MAX);
  }

  /**
   * An application variable.
   *
   * @param name its name
   * @param defaultValue its default; a variable without one is required
   * @param secret whether its value must stay out of logs
   * @param description what it is for, if said
   */
  public record Variable(
      String name, Optional<String> defaultValue, boolean secret, Optional<String> description) {
    /** Checks every part is present. */
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(description, "description");
    }

    /** Returns whether the variable must be given a value (it has no default). */
    public boolean required() {
      return defaultValue.isEmpty();
    }
  }

  /**
   * A trigger.
   *
   * @param id its id, unique in the application
   * @param type its type ({@code http}, {@code redis}, ...)
   * @param configJson its {@code trigger_config}: a JSON object as text ({@code route}, {@code
   *     component}, {@code executor}, ... for {@code http})
   */
  public record Trigger(String id, String type, String configJson) {
    /** Checks every part is present. */
    public Trigger {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(configJson, "configJson");
    }
  }

  /**
   * A component.
   *
   * @param id its id, unique in the application
   * @param description what it does, if said
   * @param source its Wasm
   * @param environment its environment variables
   * @param config its configuration variables: templates over application variables ({@code {{ name
   *     }}})
   * @param allowedOutboundHosts where it may connect, as written ({@code https://example.com})
   * @param files the files it sees, each at its own path
   * @param keyValueStores the labels of the key-value stores it may open
   */
  public record Component(
      String id,
      Optional<String> description,
      Content source,
      Map<String, String> environment,
      Map<String, String> config,
      List<String> allowedOutboundHosts,
      List<File> files,
      List<String> keyValueStores) {
    /** Checks every part is present and copies the collections. */
    public Component {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(source, "source");
      environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
      config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
      allowedOutboundHosts = List.copyOf(allowedOutboundHosts);
      files = List.copyOf(files);
      keyValueStores = List.copyOf(keyValueStores);
    }
  }

  /**
   * A file a component sees.
   *
   * @param path where, relative to the component's root ({@code static/index.html}); never
   *     absolute, never with {@code .} or {@code ..} segments
   * @param content its bytes
   */
  public record File(String path, Content content) {
    /**
     * Checks every part is present and the path stays inside the component's root.
     *
     * @throws OciException {@link OciException.Kind#UNSAFE_ARCHIVE} for a path that does not
     */
    public File {
      Objects.requireNonNull(content, "content");
      LockedAppJson.checkRelative(path, "file path");
    }
  }

  /**
   * Content with a digest, and where its bytes are on this machine: the file pushed from, or the
   * blob of the {@link LocalStore} it was pulled into.
   *
   * @param digest its SHA-256
   * @param size its size in bytes
   * @param file where its bytes are
   */
  public record Content(Digest digest, long size, Path file) {
    /** Checks every part is present. */
    public Content {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(file, "file");
    }

    /**
     * Returns the content of {@code file}, reading it for its digest.
     *
     * @throws OciException {@link OciException.Kind#LOCAL_IO} if it cannot be read
     */
    public static Content of(Path file) {
      return LockedAppJson.contentOf(file);
    }
  }
}
