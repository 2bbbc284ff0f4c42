package dev.cortado.wasi;

import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * One entry of a {@link SocketPolicy}: addresses and ports, written {@code HOST:PORTS}. HOST is
 * {@code *} (every address), {@code localhost} (127.0.0.0/8 and ::1), an IPv4 address or block
 * ({@code 10.0.0.0/8}), or an IPv6 address or block in brackets ({@code [::1]}, {@code
 * [fd00::/8]}); PORTS is {@code *}, a port, or a range {@code LOW-HIGH}. Host names are refused:
 * the guest names addresses, so the policy is about addresses.
 */
final class AddressPattern {
  private final String text;
  private final byte[] v4; // network, or null
  private final int v4Bits;
  private final byte[] v6; // network, or null
  private final int v6Bits;
  private final int lowPort;
  private final int highPort;

  private AddressPattern(
      String text, byte[] v4, int v4Bits, byte[] v6, int v6Bits, int lowPort, int highPort) {
    this.text = text;
    this.v4 = v4;
    this.v4Bits = v4Bits;
    this.v6 = v6;
    this.v6Bits = v6Bits;
    this.lowPort = lowPort;
    this.highPort = highPort;
  }

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static AddressPattern parse(String text) {
    int colon = text.lastIndexOf(':');
    int bracket = text.lastIndexOf(']');
    if (colon < 0 || colon < bracket) {
      throw bad(text, "it needs HOST:PORTS, for example 127.0.0.1:8080, 10.0.0.0/8:*, [::1]:80");
    }
    String host = text.substring(0, colon);
    String ports = text.substring(colon + 1);
    int low;
    int high;
    if (ports.equals("*")) {
      low = 0;
      high = 65535;
    } else {
      int dash = ports.indexOf('-');
      low = port(text, dash < 0 ? ports : ports.substring(0, dash));
      high = dash < 0 ? low : port(text, ports.substring(dash + 1));
      if (high < low) {
        throw bad(text, "the port range " + ports + " ends before it starts");
      }
    }
    if (host.equals("*")) {
      return new AddressPattern(text, new byte[4], 0, new byte[16], 0, low, high);
    }
    if (host.equals("localhost")) {
      byte[] loop6 = new byte[16];
      loop6[15] = 1;
      return new AddressPattern(text, new byte[] {127, 0, 0, 0}, 8, loop6, 128, low, high);
    }
    if (host.startsWith("[")) {
      if (!host.endsWith("]")) {
        throw bad(text, "an IPv6 address is written in brackets, as [::1]");
      }
      String inner = host.substring(1, host.length() - 1);
      int slash = inner.indexOf('/');
      String address = slash < 0 ? inner : inner.substring(0, slash);
      int bits = slash < 0 ? 128 : bits(text, inner.substring(slash + 1), 128);
      byte[] net = ipv6(text, address);
      checkHostBits(text, net, bits);
      return new AddressPattern(text, null, 0, net, bits, low, high);
    }
    if (host.indexOf(':') >= 0) {
      throw bad(text, "an IPv6 address is written in brackets, as [::1]:80");
    }
    int slash = host.indexOf('/');
    String address = slash < 0 ? host : host.substring(0, slash);
    int bits = slash < 0 ? 32 : bits(text, host.substring(slash + 1), 32);
    byte[] net = ipv4(text, address);
    checkHostBits(text, net, bits);
    return new AddressPattern(text, net, bits, null, 0, low, high);
  }

  /** Whether {@code address} (with its port) is one this pattern names. */
  boolean matches(InetSocketAddress address) {
    int port = address.getPort();
    return port >= lowPort && port <= highPort && matches(address.getAddress());
  }

  /** Whether {@code address} is one this pattern names, whatever the port. */
  boolean matches(InetAddress address) {
    byte[] a = address.getAddress();
    if (address instanceof Inet4Address) {
      return v4 != null && prefixEquals(a, v4, v4Bits);
    }
    return v6 != null && prefixEquals(a, v6, v6Bits);
  }

  private static boolean prefixEquals(byte[] a, byte[] net, int bits) {
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (net[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  private static int port(String text, String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad(text, "\"" + s + "\" is not a port (0 to 65535, or *)");
    }
    int p = Integer.parseInt(s);
    if (p > 65535) {
      throw bad(text, "port " + p + " is above 65535");
    }
    return p;
  }

  private static int bits(String text, String s, int max) {
    if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw bad(text, "\"/" + s + "\" is not a prefix length (0 to " + max + ")");
    }
    int b = Integer.parseInt(s);
    if (b > max) {
      throw bad(text, "the prefix length " + b + " is above " + max);
    }
    return b;
  }

  private static byte[] ipv4(String text, String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      throw notAddress(text, s);
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty()
          || p.length() > 3
          || !p.chars().allMatch(c -> c >= '0' && c <= '9')
          || (p.length() > 1 && p.charAt(0) == '0')
          || Integer.parseInt(p) > 255) {
        throw notAddress(text, s);
      }
      out[i] = (byte) Integer.parseInt(p);
    }
    return out;
  }

  private static byte[] ipv6(String text, String s) {
    if (s.isEmpty()
        || s.indexOf(':') < 0
        || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      throw bad(text, "\"" + s + "\" is not an IPv6 address");
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(s); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw bad(text, "\"" + s + "\" is not an IPv6 address");
    }
    if (!(a instanceof Inet6Address)) {
      throw bad(text, "\"" + s + "\" is an IPv4-mapped address; write the IPv4 address instead");
    }
    return a.getAddress();
  }

  private static void checkHostBits(String text, byte[] net, int bits) {
    BigInteger value = new BigInteger(1, net);
    int width = net.length * 8;
    BigInteger hostMask = BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE);
    if (!value.and(hostMask).equals(BigInteger.ZERO)) {
      throw bad(text, "the address has bits set past the /" + bits + " prefix");
    }
  }

  private static IllegalArgumentException notAddress(String text, String s) {
    return bad(
        text,
        "\""
            + s
            + "\" is not an IPv4 address, [IPv6] address, * or localhost (host names are not"
            + " accepted: the policy is about addresses)");
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException("bad address pattern \"" + text + "\": " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AddressPattern p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
