package dev.cortado.oci.internal;

import dev.cortado.oci.OciException;

/**
 * A failure that may pass if the whole operation starts again (a 5xx or 429 that outlasted the
 * retries of one request): an upload session restarts from its {@code POST}.
 */
public final class TransientException extends OciException {
  private static final long serialVersionUID = 1L;

  TransientException(OciException cause) {
    super(cause.kind(), cause.getMessage(), cause);
  }
}
