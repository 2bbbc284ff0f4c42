package dev.cortado.compiler.fuzz;

/**
 * One observable thing an engine did: a call's results or trap, a host call, a final memory digest.
 * Two engines agree when their events are equal.
 *
 * @param kind what the event is ({@code result}, {@code trap}, {@code log}, {@code memory}, ...),
 *     which names a divergence
 * @param where the export (or phase) it happened in
 * @param strict the event with every bit (NaN payloads and signs included)
 * @param lenient the event with quiet NaNs written as {@code qnan}: what the spec lets engines
 *     differ in (an arithmetic NaN result may have any sign and payload, as long as it is quiet)
 */
record Event(String kind, String where, String strict, String lenient) {
  /** An event without floats in it: both texts are the same. */
  static Event of(String kind, String where, String text) {
    return new Event(kind, where, text, text);
  }

  /** Whether {@code other} is the same event, every bit compared. */
  boolean sameStrict(Event other) {
    return kind.equals(other.kind) && where.equals(other.where) && strict.equals(other.strict);
  }

  /** Whether {@code other} is the same event up to the spec's NaN nondeterminism. */
  boolean sameLenient(Event other) {
    return kind.equals(other.kind) && where.equals(other.where) && lenient.equals(other.lenient);
  }

  @Override
  public String toString() {
    return kind + " " + where + ": " + strict;
  }
}
