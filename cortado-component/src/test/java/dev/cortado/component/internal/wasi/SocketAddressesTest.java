package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketTesting.at;
import static dev.cortado.component.internal.wasi.SocketTesting.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.component.ComponentValue;
import dev.cortado.component.PrimitiveType;
import dev.cortado.component.internal.wasi.SocketAddresses.Family;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ip-socket-address} values to and from the JDK's addresses. */
class SocketAddressesTest {
  private static ComponentValue ipv6(int port, int... segments) {
    List<ComponentValue> parts = new ArrayList<>();
    for (int s : segments) {
      parts.add(new ComponentValue.Int(PrimitiveType.U16, s));
    }
    return Cv.variant(
        1,
        Cv.record(
            new ComponentValue.Int(PrimitiveType.U16, port),
            Cv.u32(0),
            new ComponentValue.TupleV(parts),
            Cv.u32(0)));
  }

  @Test
  void addressesRoundTrip() {
    for (InetSocketAddress a : List.of(at("127.0.0.1", 80), at("10.200.3.4", 65535))) {
      assertEquals(a, SocketAddresses.of(SocketAddresses.value(a, Family.IPV4), Family.IPV4));
    }
    InetSocketAddress six = at("fd00::1:2", 443);
    assertEquals(six, SocketAddresses.of(SocketAddresses.value(six, Family.IPV6), Family.IPV6));
  }

  @Test
  void theWrongFamilyIsInvalidArgument() {
    ComponentValue v4 = SocketAddresses.value(at("127.0.0.1", 80), Family.IPV4);
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> SocketAddresses.of(v4, Family.IPV6)));
    ComponentValue v6 = ipv6(80, 0, 0, 0, 0, 0, 0, 0, 1);
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> SocketAddresses.of(v6, Family.IPV4)));
  }

  @Test
  void ipv4MappedIpv6AddressesAreRefusedAndUsedOnlyToReportIpv4Peers() {
    ComponentValue mapped = ipv6(80, 0, 0, 0, 0, 0, 0xffff, 0x7f00, 1);
    assertEquals(SocketError.INVALID_ARGUMENT, code(() -> SocketAddresses.of(mapped, Family.IPV6)));
    assertEquals(mapped, SocketAddresses.value(at("127.0.0.1", 80), Family.IPV6));
  }
}
