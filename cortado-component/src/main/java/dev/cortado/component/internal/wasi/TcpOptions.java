package dev.cortado.component.internal.wasi;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import jdk.net.ExtendedSocketOptions;

/**
 * A TCP socket's options, kept here as well as on its channel: a listening socket's channel (a
 * {@code ServerSocketChannel}) has none of them but must hand them to the sockets it accepts, and
 * the JDK has no unicast hop limit, which is recorded and reported but not applied.
 */
final class TcpOptions {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  // Linux's TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPCNT limits.
  private static final int MAX_KEEPALIVE_SECONDS = 32_767;
  private static final int MAX_KEEPALIVE_COUNT = 127;

  boolean keepAlive;
  long keepAliveIdleNanos = 7200 * NANOS_PER_SECOND;
  long keepAliveIntervalNanos = 75 * NANOS_PER_SECOND;
  int keepAliveCount = 9;
  int hopLimit = 64;
  int receiveBuffer; // 0 until set: the kernel's default stays
  int sendBuffer;
  int backlog = 128;
  // What the kernel gave the socket first, reported for a listening socket whose channel lacks the
  // option until the program sets one.
  int initialReceiveBuffer;
  int initialSendBuffer;

  /** Reads the options a new socket's channel starts with. */
  static TcpOptions of(NetworkChannel channel) throws IOException {
    TcpOptions o = new TcpOptions();
    o.keepAlive = channel.getOption(StandardSocketOptions.SO_KEEPALIVE);
    o.initialReceiveBuffer = channel.getOption(StandardSocketOptions.SO_RCVBUF);
    o.initialSendBuffer = channel.getOption(StandardSocketOptions.SO_SNDBUF);
    if (supported(channel, ExtendedSocketOptions.TCP_KEEPIDLE)) {
      o.keepAliveIdleNanos =
          channel.getOption(ExtendedSocketOptions.TCP_KEEPIDLE) * NANOS_PER_SECOND;
      o.keepAliveIntervalNanos =
          channel.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL) * NANOS_PER_SECOND;
      o.keepAliveCount = channel.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT);
    }
    return o;
  }

  TcpOptions copy() {
    TcpOptions o = new TcpOptions();
    o.keepAlive = keepAlive;
    o.keepAliveIdleNanos = keepAliveIdleNanos;
    o.keepAliveIntervalNanos = keepAliveIntervalNanos;
    o.keepAliveCount = keepAliveCount;
    o.hopLimit = hopLimit;
    o.receiveBuffer = receiveBuffer;
    o.sendBuffer = sendBuffer;
    o.backlog = backlog;
    o.initialReceiveBuffer = initialReceiveBuffer;
    o.initialSendBuffer = initialSendBuffer;
    return o;
  }

  /** Sets every option the channel supports to this one's value. */
  void applyTo(NetworkChannel channel) throws IOException {
    set(channel, StandardSocketOptions.SO_KEEPALIVE, keepAlive);
    if (receiveBuffer > 0) {
      set(channel, StandardSocketOptions.SO_RCVBUF, receiveBuffer);
    }
    if (sendBuffer > 0) {
      set(channel, StandardSocketOptions.SO_SNDBUF, sendBuffer);
    }
    set(channel, ExtendedSocketOptions.TCP_KEEPIDLE, seconds(keepAliveIdleNanos));
    set(channel, ExtendedSocketOptions.TCP_KEEPINTERVAL, seconds(keepAliveIntervalNanos));
    set(
        channel,
        ExtendedSocketOptions.TCP_KEEPCOUNT,
        Math.min(keepAliveCount, MAX_KEEPALIVE_COUNT));
  }

  /** Rounds a duration up to whole seconds, in the range the kernel takes. */
  static int seconds(long nanos) {
    long s = (nanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return (int) Math.max(1, Math.min(MAX_KEEPALIVE_SECONDS, s));
  }

  /** What a setting of a duration reads back as: whole seconds. */
  static long rounded(long nanos) {
    return seconds(nanos) * NANOS_PER_SECOND;
  }

  /** Sets {@code option} if the channel has it; a listening channel has few. */
  static <T> void set(NetworkChannel channel, SocketOption<T> option, T value) throws IOException {
    if (supported(channel, option)) {
      channel.setOption(option, value);
    }
  }

  /** Reads back a buffer size the kernel may have rounded, if the channel has the option. */
  static int get(NetworkChannel channel, SocketOption<Integer> option, int otherwise)
      throws IOException {
    return supported(channel, option) ? channel.getOption(option) : otherwise;
  }

  private static boolean supported(NetworkChannel channel, SocketOption<?> option) {
    return channel.supportedOptions().contains(option);
  }
}
