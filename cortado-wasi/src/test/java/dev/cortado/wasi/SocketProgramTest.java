package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SocketProgramTest {
  @Test
  void aProgramAcceptsAConnectionOnAPreopenedSocketAndReplies() throws Exception {
    try (ServerSocketChannel listener = ServerSocketChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
      CompletableFuture<String> client =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                  OutputStream out = s.getOutputStream();
                  out.write("ping\n".getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  InputStream in = s.getInputStream();
                  return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Programs.Result r =
          Programs.run("echo_server", WasiConfig.defaults().withListeningSocket(listener));
      assertEquals("echo: ping\n", client.get());
      assertEquals("served 5 bytes, sent 11, shutdown 0\n", r.stdout());
      assertEquals(0, r.exitCode());
    }
  }
}
