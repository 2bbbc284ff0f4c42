package dev.cortado.server.internal;

import dev.cortado.server.ManifestException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A table of a manifest with where it is: its file, dotted key and line, so that every problem
 * found reading it names the file, line and key. Reads values by type; a value of another type, or
 * a key not in the table's known set, is a {@link ManifestException}.
 */
final class TomlNode {
  private final Path file;
  private final TomlTable table;
  private final String path;
  private final int line;

  TomlNode(Path file, TomlTable table, String path, int line) {
    this.file = file;
    this.table = table;
    this.path = path;
    this.line = line;
  }

  /** Returns the table's dotted key ({@code ""} for the file's top level). */
  String path() {
    return path;
  }

  /** Returns the line the table starts on (0 if unknown). */
  int line() {
    return line;
  }

  /** Returns the keys of the table, in file order. */
  Set<String> keys() {
    return table.keySet();
  }

  /** Returns whether the table has {@code key}. */
  boolean has(String key) {
    return table.get(List.of(key)) != null;
  }

  /** Returns the dotted key of {@code key} in this table. */
  String keyPath(String key) {
    String k = key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
    return path.isEmpty() ? k : path + "." + k;
  }

  /** Returns the line of {@code key}'s value, or the table's line if it has none. */
  int lineOf(String key) {
    TomlPosition p = table.inputPositionOf(List.of(key));
    return p == null ? line : p.line();
  }

  /** Returns an error about {@code key} of this table. */
  ManifestException error(String key, String problem) {
    return new ManifestException(file, lineOf(key), keyPath(key), problem);
  }

  /** Returns an error about the table itself. */
  ManifestException error(String problem) {
    return new ManifestException(file, line, path, problem);
  }

  /** Fails on the first key not in {@code known}, naming the keys that are. */
  void onlyKeys(Set<String> known) {
    for (String k : keys()) {
      if (!known.contains(k)) {
        throw error(
            k,
            "unknown key (known keys here: "
                + String.join(", ", new java.util.TreeSet<>(known))
                + ")");
      }
    }
  }

  private Object value(String key) {
    return table.get(List.of(key));
  }

  /** Returns the string {@code key}, which must be there. */
  String string(String key) {
    return optionalString(key).orElseThrow(() -> error(key, "missing (a string is required)"));
  }

  /** Returns the string {@code key}, if there. */
  Optional<String> optionalString(String key) {
    Object v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw error(key, "must be a string, not " + describe(v));
    }
    return Optional.of(s);
  }

  /** Returns the boolean {@code key}, or {@code otherwise} if absent. */
  boolean bool(String key, boolean otherwise) {
    Object v = value(key);
    if (v == null) {
      return otherwise;
    }
    if (!(v instanceof Boolean b)) {
      throw error(key, "must be true or false, not " + describe(v));
    }
    return b;
  }

  /** Returns the integer {@code key}, if there. */
  Optional<Long> optionalLong(String key) {
    Object v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof Long l)) {
      throw error(key, "must be an integer, not " + describe(v));
    }
    return Optional.of(l);
  }

  /** Returns the table {@code key}, if there. */
  Optional<TomlNode> optionalTable(String key) {
    Object v = value(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof TomlTable t)) {
      throw error(key, "must be a table, not " + describe(v));
    }
    return Optional.of(new TomlNode(file, t, keyPath(key), lineOf(key)));
  }

  /** Returns the raw value of {@code key} (a String, Long, Boolean, TomlTable, ...), if there. */
  Optional<Object> raw(String key) {
    return Optional.ofNullable(value(key));
  }

  /** Returns {@code key}'s value as a table node (the caller checked it is one). */
  TomlNode tableAt(String key) {
    return new TomlNode(file, (TomlTable) value(key), keyPath(key), lineOf(key));
  }

  /** Returns the array {@code key}'s items: strings or tables as nodes; empty if absent. */
  List<Object> array(String key) {
    Object v = value(key);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof TomlArray a)) {
      throw error(key, "must be an array, not " + describe(v));
    }
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Object item = a.get(i);
      TomlPosition p = a.inputPositionOf(i);
      int itemLine = p == null ? lineOf(key) : p.line();
      items.add(
          item instanceof TomlTable t
              ? new TomlNode(file, t, keyPath(key) + "[" + i + "]", itemLine)
              : item);
    }
    return items;
  }

  /** Returns the array {@code key} of strings; empty if absent. */
  List<String> strings(String key) {
    List<String> out = new ArrayList<>();
    for (Object item : array(key)) {
      if (!(item instanceof String s)) {
        throw error(key, "must be an array of strings, but has " + describe(item));
      }
      out.add(s);
    }
    return out;
  }

  /** Returns the table {@code key} of string values, in file order; empty if absent. */
  Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    Optional<TomlNode> t = optionalTable(key);
    if (t.isPresent()) {
      for (String k : t.get().keys()) {
        out.put(k, t.get().string(k));
      }
    }
    return out;
  }

  /** Returns a value's type in words, for messages. */
  static String describe(Object v) {
    return switch (v) {
      case String s -> "the string \"" + s + "\"";
      case Long l -> "the integer " + l;
      case Double d -> "the number " + d;
      case Boolean b -> b.toString();
      case TomlTable t -> "a table";
      case TomlArray a -> "an array";
      default -> "a date or time";
    };
  }
}
