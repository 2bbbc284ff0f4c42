package dev.cortado.runtime.internal.store;

/**
 * Creating a memory or table would exceed what the store allows or what the JVM can hold. The
 * instantiation turns it into the API's error.
 */
public final class ResourceLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message saying which limit was hit. */
  public ResourceLimitException(String message) {
    super(message);
  }
}
