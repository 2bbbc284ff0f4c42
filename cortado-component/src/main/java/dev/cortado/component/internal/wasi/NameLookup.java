package dev.cortado.component.internal.wasi;

import dev.cortado.wasi.SocketPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What a {@code resolve-address-stream} stands for: one name's lookup, run on a resolver thread
 * (the JDK's resolver blocks) while the program polls, and its addresses, only those the policy
 * covers.
 */
final class NameLookup {
  private static final int MAX_NAME = 253;

  // The JDK's resolver blocks: lookups run on a few daemon threads shared by every program, so
  // that a program starting many lookups queues them rather than starting a thread for each.
  private static final ThreadPoolExecutor RESOLVERS =
      new ThreadPoolExecutor(
          4,
          4,
          30,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          Thread.ofPlatform().daemon().name("cortado-name-lookup-", 0).factory());

  static {
    RESOLVERS.allowCoreThreadTimeOut(true);
  }

  private final CompletableFuture<List<InetAddress>> result;
  private Deque<InetAddress> remaining;

  private NameLookup(CompletableFuture<List<InetAddress>> result) {
    this.result = result;
  }

  /**
   * Starts resolving {@code name}: {@code access-denied} unless the policy grants lookups, {@code
   * invalid-argument} for what cannot be a host name or an IP address.
   */
  static NameLookup start(String name, SocketPolicy policy) {
    if (!policy.allowsNameLookup()) {
      throw SocketError.ACCESS_DENIED.fail("name lookup is not granted");
    }
    String n =
        name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
    if (n.isEmpty()
        || n.length() > MAX_NAME
        || !n.chars()
            .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || ".-_:".indexOf(c) >= 0))) {
      throw SocketError.INVALID_ARGUMENT.fail("not a host name or IP address: " + name);
    }
    CompletableFuture<List<InetAddress>> f = new CompletableFuture<>();
    RESOLVERS.execute(
        () -> {
          try {
            f.complete(Arrays.asList(InetAddress.getAllByName(n)));
          } catch (UnknownHostException | RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return new NameLookup(f.thenApply(all -> covered(all, policy)));
  }

  private static List<InetAddress> covered(List<InetAddress> all, SocketPolicy policy) {
    List<InetAddress> ok = all.stream().filter(policy::covers).toList();
    if (ok.isEmpty()) {
      throw SocketError.ACCESS_DENIED.fail("the policy covers none of the name's addresses");
    }
    return ok;
  }

  boolean ready() {
    return result.isDone();
  }

  Pollable subscribe() {
    return Pollable.when(this::ready);
  }

  /** Returns the next address, or empty after the last: {@code would-block} until resolved. */
  Optional<InetAddress> next() {
    if (remaining == null) {
      if (!result.isDone()) {
        throw SocketError.WOULD_BLOCK.fail("still resolving");
      }
      try {
        remaining = new ArrayDeque<>(result.get());
      } catch (ExecutionException e) {
        remaining = new ArrayDeque<>();
        throw failure(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw SocketError.UNKNOWN.fail("interrupted");
      }
    }
    return Optional.ofNullable(remaining.poll());
  }

  private static SocketError.Failure failure(Throwable t) {
    if (t instanceof SocketError.Failure f) {
      return f;
    }
    String m = String.valueOf(t.getMessage());
    if (m.contains("Temporary failure") || m.contains("try again")) {
      return SocketError.TEMPORARY_RESOLVER_FAILURE.fail(m);
    }
    if (t instanceof UnknownHostException) {
      return SocketError.NAME_UNRESOLVABLE.fail(m);
    }
    return SocketError.PERMANENT_RESOLVER_FAILURE.fail(m);
  }
}
