package dev.cortado.component.internal.wasi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code fields} resource stands for: HTTP headers or trailers, in order, names compared
 * without case. Fields a request or response owns are immutable.
 */
final class HttpFields {
  /** {@code header-error} cases. */
  static final int INVALID_SYNTAX = 0;

  static final int FORBIDDEN = 1;
  static final int IMMUTABLE = 2;

  /** Headers a guest may not set: the connection's own, which the server manages. */
  private static final Set<String> FORBIDDEN_NAMES =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "transfer-encoding",
          "upgrade",
          "http2-settings");

  /** A failed change: the {@code header-error} case. */
  static final class HeaderError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int code;

    HeaderError(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  private final List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
  final boolean immutable;

  HttpFields(boolean immutable) {
    this.immutable = immutable;
  }

  /** Returns a copy, mutable or not. */
  HttpFields copy(boolean immutable) {
    HttpFields c = new HttpFields(immutable);
    c.entries.addAll(entries);
    return c;
  }

  /** Adds an entry the host read from the wire, unchecked. */
  void addTrusted(String name, byte[] value) {
    entries.add(Map.entry(name.toLowerCase(Locale.ROOT), value));
  }

  List<Map.Entry<String, byte[]>> entries() {
    return List.copyOf(entries);
  }

  private static String checkName(String name) {
    if (name.isEmpty()) {
      throw new HeaderError(INVALID_SYNTAX);
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
      if (!token) {
        throw new HeaderError(INVALID_SYNTAX);
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (FORBIDDEN_NAMES.contains(lower)) {
      throw new HeaderError(FORBIDDEN);
    }
    return lower;
  }

  private static byte[] checkValue(byte[] value) {
    for (byte b : value) {
      if (b == '\r' || b == '\n' || b == 0) {
        throw new HeaderError(INVALID_SYNTAX);
      }
    }
    return value;
  }

  private void mutable() {
    if (immutable) {
      throw new HeaderError(IMMUTABLE);
    }
  }

  List<byte[]> get(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return entries.stream().filter(e -> e.getKey().equals(lower)).map(Map.Entry::getValue).toList();
  }

  boolean has(String name) {
    return !get(name).isEmpty();
  }

  void set(String name, List<byte[]> values) {
    mutable();
    String n = checkName(name);
    values.forEach(HttpFields::checkValue);
    entries.removeIf(e -> e.getKey().equals(n));
    for (byte[] v : values) {
      entries.add(Map.entry(n, v));
    }
  }

  void delete(String name) {
    mutable();
    String n = checkName(name);
    entries.removeIf(e -> e.getKey().equals(n));
  }

  void append(String name, byte[] value) {
    mutable();
    entries.add(Map.entry(checkName(name), checkValue(value)));
  }

  /** Adds an entry from a guest's list, checked. */
  void add(String name, byte[] value) {
    entries.add(Map.entry(checkName(name), checkValue(value)));
  }

  @Override
  public String toString() {
    return entries.stream()
        .map(e -> e.getKey() + ": " + Arrays.toString(e.getValue()))
        .toList()
        .toString();
  }
}
