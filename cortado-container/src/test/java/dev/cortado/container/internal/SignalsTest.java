package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {
  @ParameterizedTest
  @CsvSource({
    "9, 9",
    "KILL, 9",
    "SIGKILL, 9",
    "sigkill, 9",
    "15, 15",
    "TERM, 15",
    "SIGTERM, 15",
    "SIGINT, 2",
    "HUP, 1",
    "SIGUSR1, 10",
    "usr2, 12",
    "SIGWINCH, 28",
    "64, 64"
  })
  void takesNumbersAndNamesWithOrWithoutSig(String text, int number) {
    assertEquals(number, Signals.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "SIGFOO", "", "-9", "99999999999"})
  void refusesWhatIsNoSignal(String text) {
    RuncException e = assertThrows(RuncException.class, () -> Signals.parse(text));
    assertTrue(e.getMessage().startsWith("unknown signal"), e.getMessage());
  }
}
