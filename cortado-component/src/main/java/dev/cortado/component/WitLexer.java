package dev.cortado.component;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits WIT text into tokens: identifiers (kebab-case words, a leading {@code %} escaping a
 * keyword), unsigned integers, versions ({@code 0.2.0}) and punctuation, with line and column;
 * whitespace and comments ({@code //} to the end of the line, {@code /* *}{@code /} nesting) are
 * skipped.
 */
final class WitLexer {
  /** A token: {@code kind} is "id", "int", "version", "eof" or the punctuation itself. */
  record Token(String kind, String text, int line, int column) {
    boolean is(String k) {
      return kind.equals(k);
    }

    boolean isWord(String word) {
      return kind.equals("id") && !text.startsWith("%") && text.equals(word);
    }

    /** The identifier without its escaping {@code %}. */
    String name() {
      return text.startsWith("%") ? text.substring(1) : text;
    }
  }

  private final String source;
  private final String file;
  private int pos;
  private int line = 1;
  private int column = 1;

  private WitLexer(String file, String source) {
    this.file = file;
    this.source = source;
  }

  /** Returns the tokens of {@code source}, the last one "eof". */
  static List<Token> tokens(String file, String source) {
    return new WitLexer(file, source).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= source.length()) {
        out.add(new Token("eof", "", line, column));
        return out;
      }
      int l = line;
      int c = column;
      char ch = source.charAt(pos);
      if (ch == '%' || Character.isLetter(ch)) {
        int start = pos;
        advance();
        while (pos < source.length()
            && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '-')) {
          advance();
        }
        String word = source.substring(start, pos);
        checkIdentifier(word, l, c);
        out.add(new Token("id", word, l, c));
      } else if (Character.isDigit(ch)) {
        int start = pos;
        while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
          advance();
        }
        if (pos < source.length() && source.charAt(pos) == '.') {
          // A version (after @, or in a gate): 0.2.0, 0.3.0-rc-2025-08-15, 1.0.0+build.
          // A dot ends the version unless more of it follows (use a:b/c@0.2.0.{x}).
          while (pos < source.length()
              && isVersionChar(source.charAt(pos))
              && (source.charAt(pos) != '.'
                  || pos + 1 < source.length()
                      && Character.isLetterOrDigit(source.charAt(pos + 1)))) {
            advance();
          }
          out.add(new Token("version", source.substring(start, pos), l, c));
        } else {
          out.add(new Token("int", source.substring(start, pos), l, c));
        }
      } else if (source.startsWith("->", pos)) {
        advance();
        advance();
        out.add(new Token("->", "->", l, c));
      } else if ("{}()<>,;:.=/@*_".indexOf(ch) >= 0) {
        advance();
        out.add(new Token(String.valueOf(ch), String.valueOf(ch), l, c));
      } else {
        throw error(l, c, "unexpected character '" + ch + "'");
      }
    }
  }

  private static boolean isVersionChar(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' || ch == '+';
  }

  /** Each part of a kebab-case name starts with a letter and is all lower or all upper case. */
  private void checkIdentifier(String word, int l, int c) {
    String w = word.startsWith("%") ? word.substring(1) : word;
    for (String part : w.split("-", -1)) {
      boolean ok =
          !part.isEmpty()
              && Character.isLetter(part.charAt(0))
              && (part.equals(part.toLowerCase(java.util.Locale.ROOT))
                  || part.equals(part.toUpperCase(java.util.Locale.ROOT)));
      if (!ok) {
        throw error(l, c, "\"" + word + "\" is not a kebab-case identifier");
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < source.length()) {
      char ch = source.charAt(pos);
      if (Character.isWhitespace(ch)) {
        advance();
      } else if (source.startsWith("//", pos)) {
        while (pos < source.length() && source.charAt(pos) != '\n') {
          advance();
        }
      } else if (source.startsWith("/*", pos)) {
        int l = line;
        int c = column;
        int depth = 0;
        do {
          if (pos >= source.length()) {
            throw error(l, c, "a block comment is not closed");
          } else if (source.startsWith("/*", pos)) {
            depth++;
            advance();
            advance();
          } else if (source.startsWith("*/", pos)) {
            depth--;
            advance();
            advance();
          } else {
            advance();
          }
        } while (depth > 0);
      } else {
        return;
      }
    }
  }

  private void advance() {
    if (source.charAt(pos) == '\n') {
      line++;
      column = 1;
    } else {
      column++;
    }
    pos++;
  }

  private WitException error(int l, int c, String what) {
    return new WitException(file + ":" + l + ":" + c + ": " + what);
  }
}
