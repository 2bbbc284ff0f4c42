package dev.cortado.component;

import dev.cortado.wasm.testing.TextMutations;
import org.junit.jupiter.api.Test;

/**
 * Feeds the WIT reader mutated texts: whatever the text, {@link Wit#parse} and the resolution and
 * printing of every world in it give a result or a {@link WitException}, never another exception or
 * a hang. The seeds are {@link WitTest#KV} (most of WIT's forms) and a file of the forms it lacks:
 * nested packages, includes with renamings, aliased uses, gates, streams and futures.
 *
 * <p>CI runs 3,000 of each. A long run: {@code ./mvnw -o test -pl cortado-component
 * -Dtest=WitFuzzTest -Dcortado.fuzz.count=200000 -Dcortado.fuzz.seed=N}.
 */
class WitFuzzTest {
  private static final String MORE =
      """
      package demo:more@0.1.0 {
        interface streams {
          @unstable(feature = fancy)
          type bytes = stream<u8>;
          type later = future<result<string, u32>>;
          use demo:kv/types@1.2.0.{entry as kv-entry};
          f: func(a: tuple<u8>, b: option<list<tuple<s8, char>>>) -> result<_, string>;
          record big { a: u64, b: f32, c: bool, d: list<list<option<string>>, 4>, e: kv-entry }
        }

        world base {
          import streams;
          export streams;
          import wasi:clocks/now@0.1.0;
          import f: func(x: u32) -> u32;
          export h: interface { x: func(); }
        }

        world derived {
          include base with { f as g }
          include demo:kv/app@1.2.0;
          use streams.{big};
          import get: func(x: big) -> own<thing>;
          resource thing;
        }
      }

      package wasi:clocks@0.1.0 {
        interface now { now: func() -> u64; }
      }
      """;

  private static final String[] PIECES = {
    "{",
    "}",
    "(",
    ")",
    "<",
    ">",
    ",",
    ";",
    ":",
    ".",
    "/",
    "@",
    "->",
    "=",
    "_",
    "%",
    "*",
    "//",
    "/*",
    "*/",
    "///",
    "\n",
    "package a:b;",
    "use ",
    "include ",
    "with ",
    "as ",
    "world ",
    "interface ",
    "resource ",
    "func",
    "static ",
    "constructor",
    "borrow<",
    "own<",
    "list<",
    "stream<",
    "future<",
    "result<",
    "option<",
    "tuple<",
    "1.2.0",
    "99999999999999999999",
    "@since(version = ",
    "@unstable(feature = ",
    "@deprecated(version = ",
    "%interface",
    "-",
    "a-",
    "A",
    "0",
  };

  @Test
  void aMutatedWitTextResolvesOrIsRefusedWithAWitException() {
    read(WitTest.KV); // the seed itself resolves
    TextMutations.fuzz(
        WitTest.KV, PIECES, 20261206L, 3000, WitException.class::isInstance, this::read);
  }

  @Test
  void aMutatedPackageOfTheRarerFormsResolvesOrIsRefusedWithAWitException() {
    readWithKv(MORE); // the seed itself resolves
    TextMutations.fuzz(
        MORE, PIECES, 20261207L, 3000, WitException.class::isInstance, this::readWithKv);
  }

  private void read(String text) {
    resolveAll(Wit.parse(text));
  }

  private void readWithKv(String text) {
    resolveAll(Wit.parse(java.util.Map.of("kv.wit", WitTest.KV, "more.wit", text)));
  }

  private static void resolveAll(Wit wit) {
    for (String name : wit.worlds()) {
      WorldText.of(wit.world(name));
    }
  }
}
