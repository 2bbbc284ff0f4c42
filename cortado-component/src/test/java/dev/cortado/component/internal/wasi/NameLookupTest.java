package dev.cortado.component.internal.wasi;

import static dev.cortado.component.internal.wasi.SocketTesting.code;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cortado.wasi.SocketPolicy;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code ip-name-lookup} under a policy: granted or not, and only covered addresses returned. */
class NameLookupTest {
  private final SocketPolicy loopbackV4 =
      SocketPolicy.none().withNameLookup().withConnect("127.0.0.0/8:*");

  private static List<String> all(NameLookup lookup) {
    lookup.subscribe().block(SocketTesting.context());
    List<String> out = new ArrayList<>();
    for (Optional<InetAddress> a = lookup.next(); a.isPresent(); a = lookup.next()) {
      out.add(a.get().getHostAddress());
    }
    return out;
  }

  @Test
  void lookupsNeedTheirOwnGrant() {
    SocketPolicy noLookup = SocketPolicy.none().withConnect("*:*");
    assertEquals(SocketError.ACCESS_DENIED, code(() -> NameLookup.start("localhost", noLookup)));
  }

  @Test
  void whatCannotBeANameIsInvalidArgument() {
    for (String bad : List.of("", "a b", "evil\u0000", "x".repeat(254), "name/path", "ünïcode")) {
      assertEquals(
          SocketError.INVALID_ARGUMENT, code(() -> NameLookup.start(bad, loopbackV4)), bad);
    }
  }

  @Test
  void aLookupReturnsOnlyTheAddressesThePolicyCovers() {
    assertEquals(List.of("127.0.0.1"), all(NameLookup.start("127.0.0.1", loopbackV4)));
    // localhost may also be ::1, which this policy does not cover.
    assertEquals(List.of("127.0.0.1"), all(NameLookup.start("localhost", loopbackV4)));
  }

  @Test
  void aNameWhoseAddressesAreAllDeniedIsAccessDenied() {
    NameLookup lookup = NameLookup.start("10.1.2.3", loopbackV4);
    lookup.subscribe().block(SocketTesting.context());
    assertEquals(SocketError.ACCESS_DENIED, code(lookup::next));
  }

  @Test
  void anIpv6LiteralInBracketsResolvesToItself() {
    SocketPolicy v6 = SocketPolicy.none().withNameLookup().withConnect("[::1]:*");
    assertEquals(List.of("0:0:0:0:0:0:0:1"), all(NameLookup.start("[::1]", v6)));
  }
}
