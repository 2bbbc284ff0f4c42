package dev.cortado.container.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessStatusTest {
  @Test
  void readsStateAndStartTimePastACommandNameWithParentheses() {
    String stat =
        "4242 (odd) (name) S 1 4242 4242 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 9 0 123456 1000 50"
            + " 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
    ProcessStatus s = ProcessStatus.parse(stat).orElseThrow();
    assertEquals('S', s.state());
    assertEquals(123456, s.startTicks());
  }

  @Test
  void thisProcessIsAliveAndAnotherStartTimeIsNot() {
    long pid = ProcessHandle.current().pid();
    ProcessStatus self = ProcessStatus.of(pid).orElseThrow();
    assertTrue(ProcessStatus.alive(pid, self.startTicks()));
    assertFalse(ProcessStatus.alive(pid, self.startTicks() + 1), "a reused pid is another process");
  }

  @Test
  void anEndedProcessIsNotAlive() throws Exception {
    Process p = new ProcessBuilder("true").start();
    long pid = p.pid();
    p.waitFor();
    assertFalse(ProcessStatus.alive(pid, 0));
  }
}
