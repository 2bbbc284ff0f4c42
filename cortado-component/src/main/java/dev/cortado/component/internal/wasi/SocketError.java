package dev.cortado.component.internal.wasi;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * {@code wasi:sockets/network}'s {@code error-code}, in the WIT's order (the ordinal is the case),
 * and the exception a socket operation fails with: the host functions turn it into the error
 * result.
 */
enum SocketError {
  UNKNOWN,
  ACCESS_DENIED,
  NOT_SUPPORTED,
  INVALID_ARGUMENT,
  OUT_OF_MEMORY,
  TIMEOUT,
  CONCURRENCY_CONFLICT,
  NOT_IN_PROGRESS,
  WOULD_BLOCK,
  INVALID_STATE,
  NEW_SOCKET_LIMIT,
  ADDRESS_NOT_BINDABLE,
  ADDRESS_IN_USE,
  REMOTE_UNREACHABLE,
  CONNECTION_REFUSED,
  CONNECTION_RESET,
  CONNECTION_ABORTED,
  DATAGRAM_TOO_LARGE,
  NAME_UNRESOLVABLE,
  TEMPORARY_RESOLVER_FAILURE,
  PERMANENT_RESOLVER_FAILURE;

  /** A socket operation's failure with one of the codes. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SocketError code;

    Failure(SocketError code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    SocketError code() {
      return code;
    }
  }

  /** Returns the failure with this code, {@code why} for debugging. */
  Failure fail(String why) {
    return new Failure(this, why);
  }

  /** Returns the failure for what the JDK reported; Linux's messages name the errno. */
  static Failure of(IOException e) {
    return of(e, UNKNOWN).fail(String.valueOf(e.getMessage()));
  }

  private static SocketError of(IOException e, SocketError otherwise) {
    String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    if (e instanceof ClosedChannelException) {
      return INVALID_STATE;
    }
    if (e instanceof SocketTimeoutException || m.contains("timed out")) {
      return TIMEOUT;
    }
    if (e instanceof PortUnreachableException || m.contains("refused")) {
      return CONNECTION_REFUSED;
    }
    if (e instanceof NoRouteToHostException
        || m.contains("unreachable")
        || m.contains("host is down")
        || m.contains("network is down")) {
      return REMOTE_UNREACHABLE;
    }
    if (m.contains("address already in use")) {
      return ADDRESS_IN_USE;
    }
    if (m.contains("cannot assign requested address")) {
      return e instanceof BindException ? ADDRESS_NOT_BINDABLE : ADDRESS_IN_USE;
    }
    if (m.contains("reset") || m.contains("broken pipe")) {
      return CONNECTION_RESET;
    }
    if (m.contains("aborted")) {
      return CONNECTION_ABORTED;
    }
    if (m.contains("message too long")) {
      return DATAGRAM_TOO_LARGE;
    }
    if (m.contains("too many open files")) {
      return NEW_SOCKET_LIMIT;
    }
    if (m.contains("permission denied") || m.contains("not permitted")) {
      return ACCESS_DENIED;
    }
    if (e instanceof ConnectException) {
      return CONNECTION_REFUSED;
    }
    return otherwise;
  }
}
