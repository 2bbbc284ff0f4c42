package dev.cortado.wasm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.MalformedException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LexerTest {
  private static List<Token> tokens(String text) {
    return Lexer.tokenize(text);
  }

  private static Token single(String text) {
    List<Token> t = tokens(text);
    assertEquals(2, t.size(), () -> "expected one token in " + text + ": " + t);
    return t.get(0);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "i32.add | KEYWORD",
        "offset=0x10 | KEYWORD",
        "nan:canonical | KEYWORD",
        "$x | ID",
        "$l$l | ID",
        "$\"a b\" | ID",
        "0 | NAT",
        "0x1_F | NAT",
        "+1 | INT",
        "-0x80 | INT",
        "1.5 | FLOAT",
        "1e10 | FLOAT",
        "1. | FLOAT",
        "0x1p-3 | FLOAT",
        "0x1.p3 | FLOAT",
        "-inf | FLOAT",
        "nan:0x1 | FLOAT",
        "\"hi\" | STRING",
        "$ | RESERVED",
        "0drop | RESERVED",
        "1__0 | RESERVED",
        "_1 | RESERVED",
        "1_ | RESERVED",
        "0x | RESERVED",
        "1e | RESERVED",
        "0x1e+5 | RESERVED",
        "nan:0xg | KEYWORD",
        "$l\"a\" | RESERVED",
        "\"a\"\"b\" | RESERVED",
        "0\"a\" | RESERVED",
        "Abc | RESERVED"
      })
  void classifiesTokens(String text, Token.Kind kind) {
    assertEquals(kind, single(text).kind());
  }

  @Test
  void readsStringEscapesAsBytes() {
    Token t = single("\"\\t\\n\\r\\\"\\'\\\\\\00\\ff\\u{41}\\u{20AC}é\"");
    assertArrayEquals(
        new byte[] {
          '\t',
          '\n',
          '\r',
          '"',
          '\'',
          '\\',
          0,
          (byte) 0xFF,
          'A',
          (byte) 0xE2,
          (byte) 0x82,
          (byte) 0xAC,
          (byte) 0xC3,
          (byte) 0xA9
        },
        t.bytes().toArray());
  }

  @Test
  void splitsTokensAtParenthesesAndComments() {
    List<Token> t = tokens("(func(nop)nop;;c\n$f(;c;)0)");
    assertEquals(
        List.of("(", "func", "(", "nop", ")", "nop", "$f", "0", ")", ""),
        t.stream().map(Token::text).toList());
  }

  @Test
  void skipsNestedBlockComments() {
    assertEquals(
        List.of("a", "b", ""), tokens("a (; x (; y ;) z ;) b").stream().map(Token::text).toList());
  }

  @Test
  void keepsSpacesAndParenthesesInsideStringsInOneToken() {
    assertEquals(Token.Kind.RESERVED, single("$l\"a (b) c\"").kind());
  }

  @Test
  void tracksLinesAndColumns() {
    List<Token> t = tokens("(module\n  (func)\r\n\t$x\r(; \n ;) y)");
    assertPosition(t.get(2), 2, 3); // (
    assertPosition(t.get(3), 2, 4); // func
    assertPosition(t.get(5), 3, 2); // $x
    assertPosition(t.get(6), 5, 5); // y
  }

  @Test
  void countsColumnsInCharactersNotBytes() {
    assertPosition(tokens("\"éé\" x").get(1), 1, 6);
  }

  private static void assertPosition(Token t, int line, int column) {
    assertEquals(line + ":" + column, t.line() + ":" + t.column(), t.text());
  }

  static Stream<Arguments> lexicalErrors() {
    return Stream.of(
        Arguments.of("x \"abc", "1:3", "unclosed string"),
        Arguments.of("\"a\\qb\"", "1:3", "illegal escape"),
        Arguments.of("\"\\u{D800}\"", "1:2", "illegal escape"),
        Arguments.of("\"\\u{110000}\"", "1:2", "illegal escape"),
        Arguments.of("\"\\u41\"", "1:2", "illegal escape"),
        Arguments.of("\"\\4\"", "1:2", "illegal escape"),
        Arguments.of("a\n (; unclosed", "2:2", "unclosed block comment"),
        Arguments.of("a \u0001", "1:3", "illegal character"),
        Arguments.of("x é", "1:3", "illegal character U+00E9"),
        Arguments.of("x \uD83D\uDE00", "1:3", "illegal character U+1F600"),
        Arguments.of("\"a\tb\"", "1:3", "illegal character"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lexicalErrors")
  void reportsLexicalErrorsWithTheirPosition(String text, String where, String problem) {
    MalformedException e = assertThrows(MalformedException.class, () -> tokens(text));
    assertEquals(where, e.line().getAsInt() + ":" + e.column().getAsInt(), e.getMessage());
    assertTrue(e.problem().startsWith(problem), e.problem());
  }
}
