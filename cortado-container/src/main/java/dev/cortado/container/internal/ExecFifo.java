package dev.cortado.container.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * runc's exec fifo: {@code create} makes a named pipe the init process opens for writing, which
 * blocks it until {@code start} opens the pipe for reading. The JDK cannot make a fifo, so {@code
 * mkfifo} does.
 */
final class ExecFifo {
  private ExecFifo() {}

  /** Makes the fifo at {@code path} (mode 0600). */
  static void make(Path path) {
    HostCommand.run("make the exec fifo " + path, List.of("mkfifo", "-m", "0600", path.toString()));
  }

  /**
   * Whether the read got the start byte although the process has ended since: a guest that runs for
   * a moment may exit before this side has looked. Its end of the fifo closed with it, so a read
   * that was under way finishes at once.
   */
  private static boolean readAfterExit(CompletableFuture<Integer> read) {
    try {
      return read.get(200, TimeUnit.MILLISECONDS) == '0';
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Opens the fifo for reading, which lets the waiting init process go on, and reads what it
   * writes; fails if the process ends first ({@code alive} turns false) or never opens it.
   */
  static void release(Path path, BooleanSupplier alive) {
    CompletableFuture<Integer> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(path)) {
                return in.read();
              } catch (IOException e) {
                throw new RuncException(
                    "cannot open the exec fifo " + path + ": " + e.getMessage());
              }
            },
            r -> {
              Thread t = new Thread(r, "exec-fifo");
              t.setDaemon(true);
              t.start();
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        int b = read.get(10, TimeUnit.MILLISECONDS);
        if (b != '0') {
          throw new RuncException("the container's process exited before it started");
        }
        return;
      } catch (TimeoutException e) {
        if (!alive.getAsBoolean() && !readAfterExit(read)) {
          throw new RuncException("the container's process exited before it started");
        }
        if (System.nanoTime() > deadline) {
          throw new RuncException("the container's process did not take the start signal");
        }
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuncException r
            ? r
            : new RuncException("cannot start: " + e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RuncException("interrupted while starting");
      }
    }
  }
}
