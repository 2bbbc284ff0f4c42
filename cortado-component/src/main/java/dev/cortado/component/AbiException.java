package dev.cortado.component;

/**
 * A trap of the canonical ABI: a value in linear memory that is not a value of its type (an invalid
 * discriminant, char or UTF-8 string), or an address outside the memory or misaligned.
 */
public final class AbiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the trap, {@code problem} saying what was wrong. */
  public AbiException(String problem) {
    super(problem, null, false, false);
  }
}
