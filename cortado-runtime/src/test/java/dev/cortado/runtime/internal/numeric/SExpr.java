package dev.cortado.runtime.internal.numeric;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed S-expression of the WebAssembly text format, just enough of it to read the spec test
 * scripts: atoms (keywords, numbers, {@code $ids}), strings and parenthesised lists, with the line
 * of the opening token kept for messages.
 */
sealed interface SExpr {
  /** Returns the 1-based line where the expression starts. */
  int line();

  /** A keyword, number or identifier. */
  record Atom(String text, int line) implements SExpr {}

  /** A string literal, with its escapes resolved to bytes. */
  record Str(byte[] bytes, int line) implements SExpr {
    /** Returns the bytes as UTF-8 text. */
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** A parenthesised list. */
  record Parens(List<SExpr> items, int line) implements SExpr {
    /** Returns the first item's text if it is an atom, else the empty string. */
    String head() {
      return !items.isEmpty() && items.get(0) instanceof Atom a ? a.text() : "";
    }

    /** Returns item {@code i}. */
    SExpr get(int i) {
      return items.get(i);
    }

    /** Returns the number of items. */
    int size() {
      return items.size();
    }
  }

  /** Returns the atom's text, or fails if {@code e} is not an atom. */
  static String atom(SExpr e) {
    if (e instanceof Atom a) {
      return a.text();
    }
    throw new IllegalArgumentException("line " + e.line() + ": expected an atom");
  }

  /** Parses every top-level expression of {@code source}. */
  static List<SExpr> parseAll(String source) {
    return new Reader(source).readAll();
  }

  /** A recursive-descent reader over the script text. */
  final class Reader {
    private final String s;
    private int pos;
    private int line = 1;

    Reader(String source) {
      this.s = source;
    }

    List<SExpr> readAll() {
      List<SExpr> out = new ArrayList<>();
      skipSpace();
      while (pos < s.length()) {
        out.add(read());
        skipSpace();
      }
      return out;
    }

    private SExpr read() {
      int start = line;
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        List<SExpr> items = new ArrayList<>();
        skipSpace();
        while (s.charAt(pos) != ')') {
          items.add(read());
          skipSpace();
        }
        pos++;
        return new Parens(items, start);
      }
      if (c == '"') {
        return new Str(readString(), start);
      }
      int begin = pos;
      while (pos < s.length() && !isDelimiter(s.charAt(pos))) {
        pos++;
      }
      if (begin == pos) {
        throw new IllegalArgumentException("line " + line + ": unexpected '" + c + "'");
      }
      return new Atom(s.substring(begin, pos), start);
    }

    private static boolean isDelimiter(char c) {
      return c == '(' || c == ')' || c == '"' || c == ';' || Character.isWhitespace(c);
    }

    private byte[] readString() {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      pos++;
      while (true) {
        char c = s.charAt(pos++);
        if (c == '"') {
          return out.toByteArray();
        }
        if (c != '\\') {
          int cp = Character.codePointAt(s, pos - 1);
          pos += Character.charCount(cp) - 1;
          out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> out.write('\n');
          case 't' -> out.write('\t');
          case 'r' -> out.write('\r');
          case '\\', '\'', '"' -> out.write(e);
          case 'u' -> {
            int close = s.indexOf('}', pos);
            int cp = Integer.parseInt(s.substring(pos + 1, close), 16);
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            pos = close + 1;
          }
          default -> {
            out.write(Integer.parseInt(s.substring(pos - 1, pos + 1), 16));
            pos++;
          }
        }
      }
    }

    private void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\n') {
          line++;
          pos++;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else if (s.startsWith(";;", pos)) {
          while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
          }
        } else if (s.startsWith("(;", pos)) {
          skipBlockComment();
        } else {
          return;
        }
      }
    }

    private void skipBlockComment() {
      int depth = 0;
      do {
        if (s.startsWith("(;", pos)) {
          depth++;
          pos += 2;
        } else if (s.startsWith(";)", pos)) {
          depth--;
          pos += 2;
        } else {
          if (s.charAt(pos) == '\n') {
            line++;
          }
          pos++;
        }
      } while (depth > 0);
    }
  }
}
