package dev.cortado.compiler.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one engine did with one module, in order: compiling, instantiating, each call (with
 * the host calls it made) and the final state. Running out of fuel is an outcome like a trap (fuel
 * is deterministic: the same on every engine); a call stopped by the deadline ends the record,
 * since what follows depends on where each engine happened to stop.
 */
final class Outcome {
  private final List<Event> events = new ArrayList<>();
  private final List<Integer> callStarts = new ArrayList<>();
  private int interruptedCall = -1;

  /** Records an event of the phase or call under way. */
  void add(Event event) {
    events.add(event);
  }

  /** Starts a phase that the deadline may stop (instantiation, a call). */
  void startCall() {
    callStarts.add(events.size());
  }

  /** The phase under way was stopped by the deadline: nothing after it is comparable. */
  void interrupted() {
    interruptedCall = callStarts.size() - 1;
  }

  boolean isInterrupted() {
    return interruptedCall >= 0;
  }

  List<Event> events() {
    return events;
  }

  /**
   * Compares two engines' outcomes: bit for bit, then up to quiet-NaN payloads. When either was
   * interrupted, only the calls before the first interrupted one are compared.
   */
  static Verdict compare(Outcome a, Outcome b) {
    List<Event> x = a.events;
    List<Event> y = b.events;
    boolean cut = a.isInterrupted() || b.isInterrupted();
    if (cut) {
      int call = Math.min(a.firstInterrupted(), b.firstInterrupted());
      x = x.subList(0, a.startOf(call));
      y = y.subList(0, b.startOf(call));
    }
    int n = Math.min(x.size(), y.size());
    int firstStrict = -1;
    for (int i = 0; i < n; i++) {
      if (!x.get(i).sameLenient(y.get(i))) {
        return Verdict.diverge(x.get(i), y.get(i));
      }
      if (firstStrict < 0 && !x.get(i).sameStrict(y.get(i))) {
        firstStrict = i;
      }
    }
    if (x.size() != y.size()) {
      Event missing = Event.of("missing", "-", "(no event)");
      return x.size() > n ? Verdict.diverge(x.get(n), missing) : Verdict.diverge(missing, y.get(n));
    }
    if (firstStrict >= 0) {
      return Verdict.nanPayload(x.get(firstStrict), y.get(firstStrict));
    }
    return cut ? Verdict.inconclusive() : Verdict.agree();
  }

  private int firstInterrupted() {
    return interruptedCall >= 0 ? interruptedCall : Integer.MAX_VALUE;
  }

  private int startOf(int call) {
    return call < callStarts.size() ? callStarts.get(call) : events.size();
  }
}
