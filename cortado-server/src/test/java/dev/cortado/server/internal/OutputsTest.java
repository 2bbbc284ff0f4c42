package dev.cortado.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guest's output for the log: lines, each cut at 8 KiB, and at most so much a request. */
class OutputsTest {
  @Test
  void linesReachTheLogWithoutTheirEnds() {
    List<String> logged = new ArrayList<>();
    Outputs.Lines lines = new Outputs.Lines("standard error", logged::add);
    byte[] text = "one\r\ntwo\nthree".getBytes(StandardCharsets.UTF_8);
    lines.write(text, 0, text.length);
    lines.close();
    assertEquals(List.of("one", "two", "three"), logged);
  }

  @Test
  void aRequestPrintingWithoutEndLogsItsLimitThenSaysHowMuchWasLeftOut() {
    List<String> logged = new ArrayList<>();
    byte[] line = "0123456789abcde\n".getBytes(StandardCharsets.UTF_8); // 16 bytes
    int lines = Outputs.Lines.MAX_LOGGED / line.length + 1000;
    Outputs.Lines out = new Outputs.Lines("standard error", logged::add);
    for (int i = 0; i < lines; i++) {
      out.write(line, 0, line.length);
    }
    out.close();
    int kept = Outputs.Lines.MAX_LOGGED / line.length;
    assertEquals(kept + 1, logged.size());
    assertEquals("0123456789abcde", logged.get(kept - 1));
    assertEquals(
        "(16000 more bytes of standard error not logged: a request logs at most 262144 bytes"
            + " of it)",
        logged.get(kept));
  }
}
