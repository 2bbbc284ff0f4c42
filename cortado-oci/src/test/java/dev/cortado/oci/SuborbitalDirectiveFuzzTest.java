package dev.cortado.oci;

import dev.cortado.wasm.testing.TextMutations;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the Suborbital bundle reader mutated Directive.yaml files: whatever the text, it reads a
 * bundle or refuses it with an {@link OciException}, never another exception or a hang.
 */
class SuborbitalDirectiveFuzzTest {
  @TempDir Path temp;

  private static final String[] PIECES = {
    ":",
    "- ",
    "\n",
    "  ",
    "\t",
    "[",
    "]",
    "{",
    "}",
    "&a",
    "*a",
    "!!binary",
    "!!map",
    "|",
    ">",
    "'",
    "\"",
    "#",
    "~",
    "null",
    "-1",
    "99999999999999999999",
    ".inf",
    "<<: *a",
    "%YAML 1.2\n",
    "---\n",
    "...\n",
    "fn: ",
    "group:",
    "steps:",
    "onErr:",
    "code:",
    "resource: /",
    "method: "
  };

  @Test
  void mutatedDirectivesAreReadOrRefusedInWords() {
    SuborbitalBundle.read(
        SuborbitalBundleTest.bundle().write(temp.resolve("seed.zip"))); // the seed is good
    int[] n = {0};
    TextMutations.fuzz(
        SuborbitalBundleTest.DIRECTIVE,
        PIECES,
        3,
        2_000,
        t -> t instanceof OciException,
        text ->
            SuborbitalBundle.read(
                SuborbitalBundleTest.bundle(text).write(temp.resolve("b" + n[0]++ + ".zip"))));
  }
}
