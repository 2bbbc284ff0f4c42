package dev.cortado.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a WebAssembly stack trace for people, bounded whatever its depth: runs of the same frame,
 * or of the same cycle of two or three frames (mutual recursion), are folded into one entry with a
 * count, and when more entries remain than fit, the innermost and the outermost are kept around a
 * line saying how many frames were left out. A runaway recursion is tens of thousands of frames
 * deep; printing each of them buries the frames that tell where it started.
 */
final class StackTraceText {
  /** Entries shown at each end of a long trace. */
  static final int INNERMOST = 10;

  static final int OUTERMOST = 10;

  /** The longest cycle of frames that is folded. */
  static final int LONGEST_CYCLE = 3;

  private static final String AT = "    at ";

  private StackTraceText() {}

  /** {@code cycle} (one to three frames, innermost first) seen {@code times} times in a row. */
  record Entry(List<WasmStackFrame> cycle, int times) {
    int frames() {
      return cycle.size() * times;
    }
  }

  /** Appends each frame on its own line, every one of them. */
  static void appendEveryFrame(StringBuilder b, List<WasmStackFrame> frames) {
    for (WasmStackFrame f : frames) {
      b.append(System.lineSeparator()).append(AT).append(f);
    }
  }

  /** Appends the frames folded and bounded, each entry on its own lines. */
  static void appendFolded(StringBuilder b, List<WasmStackFrame> frames) {
    List<Entry> entries = fold(frames);
    if (entries.size() <= INNERMOST + OUTERMOST + 1) {
      entries.forEach(e -> append(b, e));
      return;
    }
    entries.subList(0, INNERMOST).forEach(e -> append(b, e));
    long omitted = 0;
    for (Entry e : entries.subList(INNERMOST, entries.size() - OUTERMOST)) {
      omitted += e.frames();
    }
    b.append(System.lineSeparator())
        .append(String.format("    ... %,d frames omitted ...", omitted));
    entries.subList(entries.size() - OUTERMOST, entries.size()).forEach(e -> append(b, e));
  }

  private static void append(StringBuilder b, Entry e) {
    if (e.times() == 1 || e.cycle().size() > 1) {
      appendEveryFrame(b, e.cycle());
      if (e.times() > 1) {
        b.append(System.lineSeparator())
            .append(
                String.format(
                    "    [the %d frames above repeated %,d times]", e.cycle().size(), e.times()));
      }
    } else {
      b.append(System.lineSeparator())
          .append(AT)
          .append(e.cycle().get(0))
          .append(String.format("  [repeated %,d times]", e.times()));
    }
  }

  /**
   * Splits {@code frames} into entries, innermost first: at each frame, the cycle length (one to
   * {@link #LONGEST_CYCLE}) whose repetitions cover the most frames from there, the shortest on a
   * tie; a frame that starts no repetition is an entry of its own. Linear in the number of frames.
   */
  static List<Entry> fold(List<WasmStackFrame> frames) {
    List<Entry> entries = new ArrayList<>();
    int n = frames.size();
    int i = 0;
    while (i < n) {
      int bestLength = 1;
      int bestTimes = 1;
      for (int length = 1; length <= LONGEST_CYCLE && i + 2 * length <= n; length++) {
        int times = 1;
        while (i + (times + 1) * length <= n && sameRun(frames, i, i + times * length, length)) {
          times++;
        }
        if (times > 1 && times * length > bestTimes * bestLength) {
          bestLength = length;
          bestTimes = times;
        }
      }
      entries.add(new Entry(List.copyOf(frames.subList(i, i + bestLength)), bestTimes));
      i += bestLength * bestTimes;
    }
    return entries;
  }

  private static boolean sameRun(List<WasmStackFrame> frames, int a, int b, int length) {
    for (int k = 0; k < length; k++) {
      if (!frames.get(a + k).equals(frames.get(b + k))) {
        return false;
      }
    }
    return true;
  }
}
