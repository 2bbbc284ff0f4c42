package dev.cortado.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Folding of stack traces, written as letters: one letter is one distinct frame. */
class StackTraceTextTest {
  private static List<WasmStackFrame> frames(String letters) {
    List<WasmStackFrame> frames = new ArrayList<>();
    for (char c : letters.toCharArray()) {
      frames.add(new WasmStackFrame("", c, String.valueOf(c), c));
    }
    return frames;
  }

  /** Each entry as its cycle's letters, followed by {@code *times} when repeated. */
  private static String folded(String letters) {
    return StackTraceText.fold(frames(letters)).stream()
        .map(
            e ->
                e.cycle().stream().map(WasmStackFrame::functionName).collect(Collectors.joining())
                    + (e.times() > 1 ? "*" + e.times() : ""))
        .collect(Collectors.joining(" "));
  }

  @ParameterizedTest(name = "{0} folds to {1}")
  @CsvSource({
    "a, a",
    "abc, a b c",
    "aa, a*2",
    "aaaaab, a*5 b",
    "baaaaa, b a*5",
    "ababab, ab*3",
    "abababa, ab*3 a",
    "xabcabcabcy, x abc*3 y",
    "aaaababab, a*4 ba*2 b",
    "abcdabcd, a b c d a b c d",
    "abababab, ab*4",
    "aabaabaab, aab*3"
  })
  void foldsRunsOfOneTwoOrThreeFrames(String letters, String expected) {
    assertEquals(expected, folded(letters));
  }

  @ParameterizedTest(name = "{0} frames of one function")
  @CsvSource({"1", "2", "50002", "1000000"})
  void oneRecursiveFunctionIsOneLineWhateverTheDepth(int depth) {
    StringBuilder b = new StringBuilder();
    StackTraceText.appendFolded(b, frames("m" + "f".repeat(depth) + "s"));
    String expected =
        depth == 1
            ? "\n    at m @ 0x6d\n    at f @ 0x66\n    at s @ 0x73"
            : String.format(
                "\n    at m @ 0x6d\n    at f @ 0x66  [repeated %,d times]\n    at s @ 0x73", depth);
    assertEquals(expected.replace("\n", System.lineSeparator()), b.toString());
  }

  @ParameterizedTest(name = "{0} frames without repetition")
  @CsvSource({"21, 21", "22, 20", "1000, 20", "100000, 20"})
  void longTracesKeepTheInnermostAndOutermostEntries(int depth, int expectedFrameLines) {
    List<WasmStackFrame> frames = new ArrayList<>();
    for (int i = 0; i < depth; i++) {
      frames.add(new WasmStackFrame("", i, "", i));
    }
    StringBuilder b = new StringBuilder();
    StackTraceText.appendFolded(b, frames);
    List<String> lines = b.toString().lines().skip(1).toList();
    assertEquals(expectedFrameLines, lines.stream().filter(l -> l.startsWith("    at ")).count());
    assertEquals("    at function[0] @ 0x0", lines.get(0));
    assertEquals(
        "    at function[" + (depth - 1) + "] @ 0x" + Integer.toHexString(depth - 1),
        lines.get(lines.size() - 1));
    if (depth > 21) {
      assertEquals(String.format("    ... %,d frames omitted ...", depth - 20), lines.get(10));
    }
  }
}
