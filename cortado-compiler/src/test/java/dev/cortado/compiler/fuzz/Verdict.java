package dev.cortado.compiler.fuzz;

import java.util.Optional;

/**
 * How two engines' outcomes on one module compare.
 *
 * @param kind the comparison's result
 * @param interpreter the interpreter's first differing event, if any
 * @param compiler the compiler's first differing event, if any
 */
record Verdict(Kind kind, Optional<Event> interpreter, Optional<Event> compiler) {
  enum Kind {
    /** Every event equal, bit for bit. */
    AGREE,
    /** Equal but for quiet NaNs' payloads or signs, which the spec leaves open. */
    NAN_PAYLOAD_ONLY,
    /** A call ran out of time (deadline) on an engine; the calls before it agree. */
    INCONCLUSIVE,
    /** Something else differs: a bug in one of the engines. */
    DIVERGE
  }

  static Verdict agree() {
    return new Verdict(Kind.AGREE, Optional.empty(), Optional.empty());
  }

  static Verdict inconclusive() {
    return new Verdict(Kind.INCONCLUSIVE, Optional.empty(), Optional.empty());
  }

  static Verdict diverge(Event interpreter, Event compiler) {
    return new Verdict(Kind.DIVERGE, Optional.of(interpreter), Optional.of(compiler));
  }

  static Verdict nanPayload(Event interpreter, Event compiler) {
    return new Verdict(Kind.NAN_PAYLOAD_ONLY, Optional.of(interpreter), Optional.of(compiler));
  }

  /** A short name for what diverged, fit for a file name: {@code trap-func_3}, {@code memory}. */
  String label() {
    Event e = interpreter.orElseThrow();
    String kind = e.kind().equals("missing") ? compiler.orElseThrow().kind() : e.kind();
    String where = e.kind().equals("missing") ? compiler.orElseThrow().where() : e.where();
    String name = where.isEmpty() || where.equals("-") ? kind : kind + "-" + where;
    return name.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Both sides of the difference, for a failure message. */
  String describe() {
    return switch (kind) {
      case AGREE -> "engines agree";
      case INCONCLUSIVE -> "inconclusive (deadline)";
      default ->
          kind
              + " at "
              + label()
              + "\n  interpreter: "
              + interpreter.orElseThrow()
              + "\n  compiler:    "
              + compiler.orElseThrow();
    };
  }
}
