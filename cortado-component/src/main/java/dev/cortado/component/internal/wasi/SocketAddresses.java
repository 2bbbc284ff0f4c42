package dev.cortado.component.internal.wasi;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code wasi:sockets/network}'s addresses ({@code ip-address}, {@code ip-socket-address}) to and
 * from the JDK's, and the checks every socket makes of an address a guest gives.
 */
final class SocketAddresses {
  private SocketAddresses() {}

  /** {@code ip-address-family}, in the WIT's order. */
  enum Family {
    IPV4(StandardProtocolFamily.INET),
    IPV6(StandardProtocolFamily.INET6);

    final ProtocolFamily protocol;

    Family(ProtocolFamily protocol) {
      this.protocol = protocol;
    }

    static Family of(ComponentValue v) {
      return values()[((ComponentValue.EnumV) v).index()];
    }

    ComponentValue value() {
      return Cv.enumCase(ordinal());
    }
  }

  /**
   * Returns the socket address {@code v} (an {@code ip-socket-address}) names, for a socket of
   * {@code family}: {@code invalid-argument} if it is of the other family or an IPv4-mapped IPv6
   * address, which WASI refuses.
   */
  static InetSocketAddress of(ComponentValue v, Family family) {
    ComponentValue.VariantV variant = (ComponentValue.VariantV) v;
    List<ComponentValue> fields =
        ((ComponentValue.RecordV) variant.payload().orElseThrow()).fields();
    int port = (int) Cv.integer(fields.get(0));
    Family given = Family.values()[variant.index()];
    if (given != family) {
      throw SocketError.INVALID_ARGUMENT.fail(
          "a " + given + " address for a " + family + " socket");
    }
    List<ComponentValue> parts =
        ((ComponentValue.TupleV) fields.get(given == Family.IPV4 ? 1 : 2)).elements();
    byte[] bytes = new byte[given == Family.IPV4 ? 4 : 16];
    for (int i = 0; i < parts.size(); i++) {
      long part = Cv.integer(parts.get(i));
      if (given == Family.IPV4) {
        bytes[i] = (byte) part;
      } else {
        bytes[2 * i] = (byte) (part >> 8);
        bytes[2 * i + 1] = (byte) part;
      }
    }
    try {
      if (given == Family.IPV4) {
        return new InetSocketAddress(InetAddress.getByAddress(bytes), port);
      }
      if (isMapped(bytes)) {
        throw SocketError.INVALID_ARGUMENT.fail("an IPv4-mapped IPv6 address");
      }
      int scope = (int) Cv.integer(fields.get(3));
      return new InetSocketAddress(Inet6Address.getByAddress(null, bytes, scope), port);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("a well-sized address was refused", e);
    }
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  /** Refuses an address of the other family than the socket's. */
  static void requireFamily(InetSocketAddress a, Family family) {
    boolean four = a.getAddress() instanceof Inet4Address;
    if (four != (family == Family.IPV4)) {
      throw SocketError.INVALID_ARGUMENT.fail(a + " for a " + family + " socket");
    }
  }

  /** Refuses an address one cannot send to or connect to: unspecified, port 0, not unicast. */
  static void requireRemote(InetSocketAddress a) {
    InetAddress ip = a.getAddress();
    if (ip.isAnyLocalAddress() || a.getPort() == 0) {
      throw SocketError.INVALID_ARGUMENT.fail("no remote address: " + a);
    }
    requireUnicast(a);
  }

  /** Refuses a multicast or broadcast address: sockets here are unicast. */
  static void requireUnicast(InetSocketAddress a) {
    InetAddress ip = a.getAddress();
    byte[] b = ip.getAddress();
    boolean broadcast = ip instanceof Inet4Address && (b[0] & b[1] & b[2] & b[3]) == (byte) 0xff;
    if (ip.isMulticastAddress() || broadcast) {
      throw SocketError.INVALID_ARGUMENT.fail("not a unicast address: " + a);
    }
  }

  /**
   * Returns {@code a} as an {@code ip-socket-address} of {@code family}; an IPv4 peer of a
   * dual-stack IPv6 socket is given in its IPv4-mapped form.
   */
  static ComponentValue value(InetSocketAddress a, Family family) {
    ComponentValue port = new ComponentValue.Int(PrimitiveType.U16, a.getPort());
    byte[] b = a.getAddress().getAddress();
    if (family == Family.IPV4) {
      return Cv.variant(0, Cv.record(port, ipv4(b)));
    }
    if (b.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xff;
      mapped[11] = (byte) 0xff;
      System.arraycopy(b, 0, mapped, 12, 4);
      b = mapped;
    }
    int scope = a.getAddress() instanceof Inet6Address six ? six.getScopeId() : 0;
    return Cv.variant(1, Cv.record(port, Cv.u32(0), ipv6(b), Cv.u32(scope)));
  }

  /** Returns {@code a} as an {@code ip-address}. */
  static ComponentValue address(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 4 ? Cv.variant(0, ipv4(b)) : Cv.variant(1, ipv6(b));
  }

  private static ComponentValue ipv4(byte[] b) {
    List<ComponentValue> parts = new ArrayList<>();
    for (byte x : b) {
      parts.add(new ComponentValue.Int(PrimitiveType.U8, x & 0xff));
    }
    return new ComponentValue.TupleV(parts);
  }

  private static ComponentValue ipv6(byte[] b) {
    List<ComponentValue> parts = new ArrayList<>();
    for (int i = 0; i < 16; i += 2) {
      parts.add(
          new ComponentValue.Int(PrimitiveType.U16, ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)));
    }
    return new ComponentValue.TupleV(parts);
  }
}
