package dev.cortado.wasm.text;

import dev.cortado.wasm.Opcode;
import java.util.Set;

/**
 * The keywords of the text and script formats. A keyword outside this set can never be right, so it
 * is reported as an unknown operator wherever it appears (as the reference interpreter's lexer
 * does); a known keyword in the wrong place is an unexpected token.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/lexical.html#tokens">Tokens</a>
 */
final class Keywords {
  private static final Set<String> SYNTAX =
      Set.of(
          "module",
          "type",
          "func",
          "param",
          "result",
          "import",
          "export",
          "table",
          "memory",
          "global",
          "start",
          "elem",
          "data",
          "offset",
          "item",
          "declare",
          "local",
          "mut",
          "then",
          "i32",
          "i64",
          "f32",
          "f64",
          "v128",
          "funcref",
          "externref",
          "extern",
          "tag",
          "exn",
          "noexn",
          "exnref",
          "nullexnref",
          "any",
          "eq",
          "i31",
          "struct",
          "array",
          "none",
          "anyref",
          "eqref",
          "i31ref",
          "structref",
          "arrayref",
          "nullref",
          "rec",
          "sub",
          "final",
          "field",
          "i8",
          "i16",
          "catch",
          "catch_ref",
          "catch_all",
          "catch_all_ref",
          "do",
          "assert_exception",
          "ref",
          "null",
          "i8x16",
          "i16x8",
          "i32x4",
          "i64x2",
          "f32x4",
          "f64x2",
          "binary",
          "quote",
          "register",
          "invoke",
          "get",
          "assert_return",
          "assert_trap",
          "assert_exhaustion",
          "assert_invalid",
          "assert_malformed",
          "assert_unlinkable",
          "assert_uninstantiable",
          "nan:canonical",
          "nan:arithmetic",
          "script",
          "input",
          "output");

  private Keywords() {}

  /** Returns whether {@code word} is a keyword somewhere in the text or script formats. */
  static boolean isKnown(String word) {
    return SYNTAX.contains(word)
        || Opcode.ofText(word).isPresent()
        || word.startsWith("offset=")
        || word.startsWith("align=");
  }
}
