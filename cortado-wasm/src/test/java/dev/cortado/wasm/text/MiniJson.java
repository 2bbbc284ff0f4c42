package dev.cortado.wasm.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON to read the command list wast2json writes: objects, arrays, strings, numbers,
 * booleans and null, as maps, lists, strings, doubles, booleans and {@link #NULL}.
 */
final class MiniJson {
  /** Stands for JSON {@code null}. */
  static final Object NULL = new Object();

  private final String s;
  private int pos;

  private MiniJson(String s) {
    this.s = s;
  }

  /** Returns the value {@code text} holds. */
  static Object parse(String text) {
    MiniJson p = new MiniJson(text);
    Object v = p.value();
    p.space();
    if (p.pos != text.length()) {
      throw p.error("trailing characters");
    }
    return v;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("JSON: " + what + " at offset " + pos);
  }

  private void space() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private void expect(char c) {
    space();
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private Object value() {
    space();
    if (pos >= s.length()) {
      throw error("unexpected end");
    }
    char c = s.charAt(pos);
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      pos++;
      space();
      if (s.charAt(pos) == '}') {
        pos++;
        return m;
      }
      do {
        space();
        String key = string();
        expect(':');
        m.put(key, value());
        space();
      } while (s.charAt(pos++) == ',');
      if (s.charAt(pos - 1) != '}') {
        throw error("expected '}'");
      }
      return m;
    }
    if (c == '[') {
      List<Object> l = new ArrayList<>();
      pos++;
      space();
      if (s.charAt(pos) == ']') {
        pos++;
        return l;
      }
      do {
        l.add(value());
        space();
      } while (s.charAt(pos++) == ',');
      if (s.charAt(pos - 1) != ']') {
        throw error("expected ']'");
      }
      return l;
    }
    if (c == '"') {
      return string();
    }
    for (String word : List.of("true", "false", "null")) {
      if (s.startsWith(word, pos)) {
        pos += word.length();
        return word.equals("null") ? NULL : Boolean.valueOf(word);
      }
    }
    int start = pos;
    while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    if (start == pos) {
      throw error("unexpected character '" + c + "'");
    }
    return Double.valueOf(s.substring(start, pos));
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return b.toString();
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = s.charAt(pos++);
      switch (e) {
        case 'n' -> b.append('\n');
        case 't' -> b.append('\t');
        case 'r' -> b.append('\r');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'u' -> {
          b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> b.append(e);
      }
    }
  }
}
