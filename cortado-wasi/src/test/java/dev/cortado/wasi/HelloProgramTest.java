package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class HelloProgramTest {
  @Test
  void aCProgramPrintsItsArgumentAndExitsWithItsCode() {
    Programs.Result r =
        Programs.run("hello", WasiConfig.defaults().withArgs(List.of("hello", "Cortado")));
    assertEquals("hello, Cortado\n", r.stdout());
    assertEquals(3, r.exitCode());
  }
}
