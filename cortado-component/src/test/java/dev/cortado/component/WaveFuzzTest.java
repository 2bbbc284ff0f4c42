package dev.cortado.component;

import static dev.cortado.component.WaveTest.NONE;
import static dev.cortado.component.WaveTest.p;

import dev.cortado.component.Shape.Case;
import dev.cortado.component.Shape.Field;
import dev.cortado.wasm.testing.TextMutations;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Feeds WAVE's reader ({@code run --invoke} arguments) mutated texts for a shape that holds every
 * kind of value: whatever the text, it reads a value or says what is wrong
 * (IllegalArgumentException), never another exception or a hang.
 */
class WaveFuzzTest {

  private static final Shape SHAPE =
      new Shape.Tuple(
          List.of(
              new Shape.Record(
                  List.of(
                      new Field("name", p(PrimitiveType.STRING)),
                      new Field("c", p(PrimitiveType.CHAR)),
                      new Field("f", p(PrimitiveType.F64)),
                      new Field("g", p(PrimitiveType.F32))),
                  NONE),
              new Shape.ListOf(p(PrimitiveType.U8), 0, NONE),
              new Shape.ListOf(p(PrimitiveType.S64), 3, NONE),
              new Shape.Option(p(PrimitiveType.S32), NONE),
              new Shape.Result(
                  Optional.of(new Shape.Option(p(PrimitiveType.STRING), NONE)),
                  Optional.of(new Shape.Enum(List.of("not-found", "denied"), NONE)),
                  NONE),
              new Shape.Flags(List.of("read", "write", "exec"), NONE),
              new Shape.Variant(
                  List.of(
                      new Case("empty", Optional.empty()),
                      new Case("n", Optional.of(p(PrimitiveType.U64)))),
                  NONE),
              p(PrimitiveType.BOOL)),
          NONE);

  private static final String SEED =
      "({name: \"a\\u{1F600}\\n\\\"b\", c: 'x', f: -1.5e300, g: nan}, [1, 255], [1, -2, 3],"
          + " some(-7), ok(some(\"x\")), {read, exec}, n(18446744073709551615), true)";

  private static final String[] PIECES = {
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "\\",
    "\\u{",
    "}",
    "-",
    "+",
    "inf",
    "nan",
    "1e99999",
    "0x",
    "99999999999999999999999999",
    "some(",
    "none",
    "ok(",
    "err(",
    "\n",
    " ",
    "%",
    "read",
    "exec",
    "n(",
    "empty",
    "'\\u{D800}'",
    "\"\\u{110000}\""
  };

  @Test
  void theSeedReads() {
    Wave.parse(SEED, SHAPE);
  }

  @Test
  void mutatedTextReadsOrSaysWhatIsWrong() {
    TextMutations.fuzz(
        SEED,
        PIECES,
        11,
        20_000,
        t -> t instanceof IllegalArgumentException,
        text -> Wave.parse(text, SHAPE));
  }
}
