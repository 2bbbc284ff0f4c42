package dev.cortado.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cortado.oci.internal.AtomicFiles;
import dev.cortado.oci.internal.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cortado's own saved logins ({@code cortado login}): a {@code credentials.json} in Cortado's
 * config folder ({@code $CORTADO_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/cortado}, else {@code
 * ~/.config/cortado}), in the shape of Docker's {@code auths}. The file and its folder are readable
 * by their owner only, and every change replaces the file atomically.
 */
public final class LoginStore {
  private final Path file;

  private LoginStore(Path file) {
    this.file = file;
  }

  /** Returns the store in {@code configDir}. */
  public static LoginStore in(Path configDir) {
    return new LoginStore(configDir.resolve("credentials.json"));
  }

  /** Returns the store in the user's Cortado config folder. */
  public static LoginStore defaultStore() {
    return in(configDir());
  }

  /** Returns Cortado's config folder. */
  public static Path configDir() {
    String dir = System.getenv("CORTADO_CONFIG_DIR");
    if (dir != null && !dir.isBlank()) {
      return Path.of(dir);
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "cortado");
    }
    return Path.of(System.getProperty("user.home"), ".config", "cortado");
  }

  /** Returns the file the logins are kept in. */
  public Path file() {
    return file;
  }

  /** Returns the saved credentials for {@code registry}, if any. */
  public Optional<Credentials> find(String registry) {
    JsonNode entry = read().path("auths").path(registry).path("auth");
    return entry.isTextual() ? Credentials.decode(entry.asText()) : Optional.empty();
  }

  /** Returns the registries with saved credentials. */
  public List<String> registries() {
    List<String> names = new ArrayList<>();
    read().path("auths").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Saves {@code credentials} for {@code registry}, replacing any saved before. */
  public synchronized void save(String registry, Credentials credentials) {
    ObjectNode root = read();
    ObjectNode auths = root.get("auths") instanceof ObjectNode a ? a : root.putObject("auths");
    auths.putObject(registry).put("auth", credentials.encoded());
    write(root);
  }

  /** Forgets {@code registry}'s credentials; returns whether there were some. */
  public synchronized boolean remove(String registry) {
    ObjectNode root = read();
    JsonNode auths = root.get("auths");
    if (!(auths instanceof ObjectNode o) || o.remove(registry) == null) {
      return false;
    }
    write(root);
    return true;
  }

  private ObjectNode read() {
    try {
      byte[] bytes = Files.readAllBytes(file);
      return (ObjectNode) Json.parse(bytes, OciException.Kind.LOCAL_IO, file.toString());
    } catch (NoSuchFileException e) {
      return Json.object();
    } catch (IOException e) {
      throw new OciException(OciException.Kind.LOCAL_IO, file + ": cannot read: " + e, e);
    }
  }

  private void write(ObjectNode root) {
    try {
      AtomicFiles.createDirectories(file.getParent(), true);
      AtomicFiles.write(file, Json.pretty(root), true);
    } catch (IOException e) {
      throw new OciException(OciException.Kind.LOCAL_IO, file + ": cannot write: " + e, e);
    }
  }
}
