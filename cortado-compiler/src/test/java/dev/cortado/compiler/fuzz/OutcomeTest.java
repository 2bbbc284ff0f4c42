package dev.cortado.compiler.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.runtime.WasmValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  private static Outcome withResult(WasmValue... values) {
    Outcome o = new Outcome();
    o.startCall();
    o.add(Event.of("call", "f", "f()"));
    o.add(ValueText.of("result", "f", List.of(values)));
    return o;
  }

  @Test
  void equalBitsAgree() {
    Outcome a = withResult(new WasmValue.F32(0x7fc0_0000));
    Outcome b = withResult(new WasmValue.F32(0x7fc0_0000));
    assertEquals(Verdict.Kind.AGREE, Outcome.compare(a, b).kind());
  }

  @Test
  void quietNansOfOtherPayloadOrSignDifferOnlyInPayload() {
    Outcome a = withResult(new WasmValue.F64(0x7ff8_0000_0000_0000L));
    Outcome b = withResult(new WasmValue.F64(0xfff8_0000_0000_0001L));
    assertEquals(Verdict.Kind.NAN_PAYLOAD_ONLY, Outcome.compare(a, b).kind());
  }

  @Test
  void signallingNanMustKeepItsBits() {
    Outcome a = withResult(new WasmValue.F32(0x7fa0_0000));
    Outcome b = withResult(new WasmValue.F32(0x7fe0_0000));
    assertEquals(Verdict.Kind.DIVERGE, Outcome.compare(a, b).kind());
  }

  @Test
  void nanAgainstNumberDiverges() {
    Outcome a = withResult(new WasmValue.F32(0x7fc0_0000));
    Outcome b = withResult(new WasmValue.F32(0));
    Verdict v = Outcome.compare(a, b);
    assertEquals(Verdict.Kind.DIVERGE, v.kind());
    assertEquals("result-f", v.label());
  }

  @Test
  void differentTrapsDiverge() {
    Outcome a = new Outcome();
    a.startCall();
    a.add(Event.of("trap", "f", "UNREACHABLE"));
    Outcome b = new Outcome();
    b.startCall();
    b.add(Event.of("trap", "f", "INTEGER_OVERFLOW"));
    assertEquals("trap-f", Outcome.compare(a, b).label());
  }

  @Test
  void nothingFromACallStoppedByTheDeadlineOnIsCompared() {
    Outcome a = withResult(WasmValue.i32(1));
    a.startCall();
    a.add(Event.of("log", "g", "log-i32(1)"));
    a.add(Event.of("interrupted", "g", "deadline exceeded"));
    a.interrupted();
    Outcome b = withResult(WasmValue.i32(1));
    b.startCall();
    b.add(Event.of("log", "g", "log-i32(1)"));
    b.add(Event.of("log", "g", "log-i32(2)"));
    b.add(Event.of("result", "g", ""));
    assertEquals(Verdict.Kind.INCONCLUSIVE, Outcome.compare(a, b).kind());
  }

  @Test
  void aDifferenceBeforeTheInterruptionStillDiverges() {
    Outcome a = withResult(WasmValue.i32(1));
    a.startCall();
    a.add(Event.of("interrupted", "g", "deadline exceeded"));
    a.interrupted();
    Outcome b = withResult(WasmValue.i32(2));
    assertEquals(Verdict.Kind.DIVERGE, Outcome.compare(a, b).kind());
  }
}
