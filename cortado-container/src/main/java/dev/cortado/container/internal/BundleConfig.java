package dev.cortado.container.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What {@code cortado-runc} reads of a bundle's {@code config.json} (opencontainers runtime-spec,
 * config.md): the process, the root filesystem, mounts, annotations, the memory limit and the
 * cgroup path. Anything else in the file is left to the runtime that honours it (runc, for
 * delegated bundles).
 *
 * @param bundle the bundle directory
 * @param rootfs the root filesystem ({@code root.path}, resolved against the bundle)
 * @param rootReadOnly {@code root.readonly}
 * @param args {@code process.args}
 * @param env {@code process.env}, {@code NAME=VALUE} strings
 * @param cwd {@code process.cwd}
 * @param terminal {@code process.terminal}
 * @param mounts {@code mounts}, in order
 * @param annotations {@code annotations}
 * @param memoryLimit {@code linux.resources.memory.limit} in bytes, if set and positive
 * @param cgroupsPath {@code linux.cgroupsPath}, empty when not set
 */
public record BundleConfig(
    Path bundle,
    Path rootfs,
    boolean rootReadOnly,
    List<String> args,
    List<String> env,
    String cwd,
    boolean terminal,
    List<Mount> mounts,
    Map<String, String> annotations,
    OptionalLong memoryLimit,
    String cgroupsPath) {

  /**
   * One entry of {@code mounts}.
   *
   * @param destination where the container sees it
   * @param type the file system type ({@code bind}, {@code proc}, {@code tmpfs}, ...), may be empty
   * @param source the host path or device, may be empty
   * @param options mount options ({@code rbind}, {@code ro}, ...)
   */
  public record Mount(String destination, String type, String source, List<String> options) {
    /** Whether this is a bind mount of a host path (type {@code bind} or a bind option). */
    public boolean isBind() {
      return "bind".equals(type) || options.contains("bind") || options.contains("rbind");
    }

    /** Whether the mount is read-only. */
    public boolean readOnly() {
      return options.contains("ro");
    }
  }

  /** Reads {@code bundle/config.json}, or fails naming what is wrong with it. */
  public static BundleConfig read(Path bundle) {
    if (!Files.isDirectory(bundle)) {
      throw new RuncException(
          "bundle " + bundle + (Files.exists(bundle) ? " is not a directory" : " does not exist"));
    }
    Path file = bundle.resolve("config.json");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new RuncException("bundle " + bundle + " has no config.json");
    } catch (IOException e) {
      throw new RuncException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return parse(bundle, text);
  }

  /** Parses the text of {@code bundle}'s config.json. */
  public static BundleConfig parse(Path bundle, String text) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new RuncException(
          bundle.resolve("config.json") + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new RuncException(bundle.resolve("config.json") + " is not a JSON object");
    }
    JsonNode process = object(root, "process");
    List<String> args = strings(process, "process.args", "args");
    if (args.isEmpty()) {
      throw new RuncException("config.json: process.args is empty: there is nothing to run");
    }
    JsonNode rootNode = object(root, "root");
    String rootPath = text(rootNode, "root.path", "path", "");
    if (rootPath.isEmpty()) {
      throw new RuncException("config.json: root.path is missing");
    }
    JsonNode resources = object(object(root, "linux"), "resources");
    JsonNode limit = object(resources, "memory").path("limit");
    OptionalLong memoryLimit =
        limit.canConvertToLong() && limit.asLong() > 0
            ? OptionalLong.of(limit.asLong())
            : OptionalLong.empty();
    return new BundleConfig(
        bundle,
        bundle.resolve(rootPath).normalize(),
        rootNode.path("readonly").asBoolean(false),
        args,
        strings(process, "process.env", "env"),
        text(process, "process.cwd", "cwd", "/"),
        process.path("terminal").asBoolean(false),
        mounts(root),
        annotations(root),
        memoryLimit,
        text(object(root, "linux"), "linux.cgroupsPath", "cgroupsPath", ""));
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent.path(field);
    if (!n.isMissingNode() && !n.isNull() && !n.isObject()) {
      throw new RuncException("config.json: " + field + " must be an object");
    }
    return n;
  }

  private static String text(JsonNode parent, String name, String field, String otherwise) {
    JsonNode n = parent.path(field);
    if (n.isMissingNode() || n.isNull()) {
      return otherwise;
    }
    if (!n.isTextual()) {
      throw new RuncException("config.json: " + name + " must be a string");
    }
    return n.asText();
  }

  private static List<String> strings(JsonNode parent, String name, String field) {
    JsonNode n = parent.path(field);
    List<String> out = new ArrayList<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new RuncException("config.json: " + name + " must be a list of strings");
    }
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw new RuncException("config.json: " + name + " must be a list of strings");
      }
      out.add(e.asText());
    }
    return List.copyOf(out);
  }

  private static List<Mount> mounts(JsonNode root) {
    JsonNode n = root.path("mounts");
    List<Mount> out = new ArrayList<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new RuncException("config.json: mounts must be a list");
    }
    int i = 0;
    for (JsonNode m : n) {
      String name = "mounts[" + i++ + "]";
      if (!m.isObject()) {
        throw new RuncException("config.json: " + name + " must be an object");
      }
      String destination = text(m, name + ".destination", "destination", "");
      if (destination.isEmpty()) {
        throw new RuncException("config.json: " + name + " has no destination");
      }
      out.add(
          new Mount(
              destination,
              text(m, name + ".type", "type", ""),
              text(m, name + ".source", "source", ""),
              strings(m, name + ".options", "options")));
    }
    return List.copyOf(out);
  }

  private static Map<String, String> annotations(JsonNode root) {
    JsonNode n = root.path("annotations");
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    if (!n.isObject()) {
      throw new RuncException("config.json: annotations must be an object of strings");
    }
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!e.getValue().isTextual()) {
        throw new RuncException("config.json: annotation " + e.getKey() + " must be a string");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }
}
