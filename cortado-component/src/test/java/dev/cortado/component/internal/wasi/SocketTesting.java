package dev.cortado.component.internal.wasi;

import static org.junit.jupiter.api.Assertions.fail;

import dev.cortado.wasi.WasiClock;
import dev.cortado.wasi.internal.WasiContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * What the socket tests share: a context, addresses, and the error code an operation fails with.
 */
final class SocketTesting {
  private SocketTesting() {}

  static WasiContext context() {
    return new WasiContext(List.of(), Map.of(), WasiClock.system(), SecureRandom::new);
  }

  static InetSocketAddress at(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An operation that may fail as a socket function does. */
  interface Operation {
    void run() throws IOException;
  }

  /** Returns the code {@code op} fails with, as the host functions would report it. */
  static SocketError code(Operation op) {
    try {
      op.run();
    } catch (SocketError.Failure f) {
      return f.code();
    } catch (IOException e) {
      return SocketError.of(e).code();
    }
    return fail("succeeded");
  }
}
