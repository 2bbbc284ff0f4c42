package dev.cortado.server.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasm.testing.TextMutations;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CgiResponseTest {
  private static CgiResponse parse(String out) throws CgiResponse.BadOutputException {
    byte[] b = out.getBytes(StandardCharsets.UTF_8);
    return CgiResponse.parse(b, b.length);
  }

  @Test
  void headersThenBodyWithCrLf() throws Exception {
    CgiResponse r = parse("Content-Type: text/html\r\nX-A: 1\r\n\r\n<p>\r\n\r\nrest");
    assertEquals(200, r.status());
    assertEquals(2, r.headers().size());
    assertEquals("X-A", r.headers().get(1)[0]);
    assertArrayEquals("<p>\r\n\r\nrest".getBytes(StandardCharsets.UTF_8), r.body());
  }

  @Test
  void statusLineSetsTheStatusAndIsNotAHeader() throws Exception {
    CgiResponse r = parse("Status: 404 Not Found\nContent-Type: text/plain\n\nmissing");
    assertEquals(404, r.status());
    assertEquals(1, r.headers().size());
  }

  @Test
  void locationAloneRedirects() throws Exception {
    assertEquals(302, parse("Location: /x\n\n").status());
    assertEquals(301, parse("Status: 301\nLocation: /x\n\n").status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "no blank line",
        "Content-Type: text/plain\nbody without a blank line",
        "X-Only: other\n\nbody",
        "Status: abc\n\n",
        "Status: 42\n\n",
        "not a header\nContent-Type: a\n\n",
        "Bad Name: x\nContent-Type: a\n\n",
        " : x\nContent-Type: a\n\n",
        "Content-Type: text/\u0001plain\n\n",
        "X-A: a\u007fb\nContent-Type: a\n\n"
      })
  void badOutputIsRefusedWithAReason(String out) {
    CgiResponse.BadOutputException e =
        assertThrows(CgiResponse.BadOutputException.class, () -> parse(out));
    assertTrue(!e.getMessage().isEmpty());
  }

  /**
   * Mutated output of a program (a hostile guest writes what it likes): a response or a {@link
   * CgiResponse.BadOutputException}, never another exception. A long run: {@code
   * -Dcortado.fuzz.count=1000000 -Dcortado.fuzz.seed=N}.
   */
  @Test
  void mutatedOutputIsAResponseOrRefusedWithAReason() {
    TextMutations.fuzz(
        "Status: 404 Not Found\r\nContent-Type: text/plain\nLocation: /x\nX-A: 1\n\r\nbody\n\n",
        new String[] {
          "\n",
          "\r\n",
          ":",
          " ",
          "Status:",
          "Location:",
          "Content-Type:",
          "\u0000",
          "\u00ff",
          "99999999999",
          "-1",
          "200",
          "\t"
        },
        20261206L,
        5000,
        CgiResponse.BadOutputException.class::isInstance,
        CgiResponseTest::parse);
  }
}
