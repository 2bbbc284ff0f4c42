package dev.cortado.component.internal.wasi;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Whether one non-blocking channel is ready for an operation ({@link SelectionKey#OP_READ}, ...),
 * through a selector of its own: the JDK gives readiness only through selectors. Used by one
 * program's thread at a time.
 */
final class Readiness implements AutoCloseable {
  private final Selector selector;
  private final SelectionKey key;

  Readiness(SelectableChannel channel) throws IOException {
    channel.configureBlocking(false);
    this.selector = Selector.open();
    try {
      this.key = channel.register(selector, 0);
    } catch (IOException e) {
      selector.close();
      throw e;
    }
  }

  /** Whether the channel is ready for {@code ops} now; a closed channel is (its use will fail). */
  boolean ready(int ops) {
    try {
      if (!key.isValid()) {
        return true;
      }
      key.interestOps(ops);
      selector.selectedKeys().clear();
      selector.selectNow();
      return selector.selectedKeys().contains(key) && (key.readyOps() & ops) != 0;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /**
   * Waits up to {@code nanos} (at least a millisecond) for the channel to be ready for {@code ops}.
   */
  void await(int ops, long nanos) throws IOException {
    if (!key.isValid()) {
      return;
    }
    key.interestOps(ops);
    selector.selectedKeys().clear();
    selector.select(Math.max(1, nanos / 1_000_000));
  }

  /** Returns a waiter for {@code ops}, for a {@link Pollable}. */
  Pollable.Waiter waiter(int ops) {
    return nanos -> await(ops, nanos);
  }

  /** Returns a pollable that is ready when the channel is ready for {@code ops}. */
  Pollable pollable(int ops) {
    return Pollable.when(() -> ready(ops), waiter(ops));
  }

  @Override
  public void close() {
    try {
      selector.close();
    } catch (IOException e) {
      // The selector's descriptors are released either way.
    }
  }
}
