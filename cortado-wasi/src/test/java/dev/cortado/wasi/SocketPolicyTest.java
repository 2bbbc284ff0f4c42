package dev.cortado.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SocketPolicyTest {
  private static InetSocketAddress at(String ip, int port) throws UnknownHostException {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  @ParameterizedTest(name = "{0} matches {1} port {2}: {3}")
  @CsvSource({
    "127.0.0.1:8080, 127.0.0.1, 8080, true",
    "127.0.0.1:8080, 127.0.0.1, 8081, false",
    "127.0.0.1:8080, 127.0.0.2, 8080, false",
    "10.0.0.0/8:*, 10.200.3.4, 1, true",
    "10.0.0.0/8:*, 11.0.0.1, 1, false",
    "10.0.0.0/8:*, 10.0.0.1, 0, true",
    "[::1]:1000-2000, ::1, 1000, true",
    "[::1]:1000-2000, ::1, 2000, true",
    "[::1]:1000-2000, ::1, 2001, false",
    "[::1]:1000-2000, 127.0.0.1, 1500, false",
    "*:443, 93.184.216.34, 443, true",
    "*:443, 2001:db8::1, 443, true",
    "*:443, 93.184.216.34, 80, false",
    "*:*, 0.0.0.0, 0, true",
    "localhost:80, 127.9.9.9, 80, true",
    "localhost:80, ::1, 80, true",
    "localhost:80, 10.0.0.1, 80, false",
    "[fd00::/8]:53, fdab::7, 53, true",
    "[fd00::/8]:53, fe80::1, 53, false",
    "0.0.0.0/0:22, 8.8.8.8, 22, true",
    "0.0.0.0/0:22, ::1, 22, false",
    "192.168.1.128/25:7, 192.168.1.200, 7, true",
    "192.168.1.128/25:7, 192.168.1.100, 7, false",
  })
  void patternsMatchAddressesAndPorts(String pattern, String ip, int port, boolean expected)
      throws UnknownHostException {
    SocketPolicy p = SocketPolicy.none().withConnect(pattern);
    assertEquals(expected, p.allowsConnect(at(ip, port)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "127.0.0.1 | needs HOST:PORTS",
        "127.0.0.1: | is not a port",
        "127.0.0.1:http | is not a port",
        "127.0.0.1:65536 | above 65535",
        "127.0.0.1:2000-1000 | ends before it starts",
        "127.0.0.1:1- | is not a port",
        "example.com:443 | host names are not accepted",
        "256.0.0.1:1 | is not an IPv4 address",
        "1.2.3:1 | is not an IPv4 address",
        "01.2.3.4:1 | is not an IPv4 address",
        "10.0.0.1/8:* | bits set past the /8 prefix",
        "10.0.0.0/33:* | prefix length 33 is above 32",
        "10.0.0.0/:* | is not a prefix length",
        "::1:80 | written in brackets",
        "[::1:80 | written in brackets",
        "[::g]:80 | is not an IPv6 address",
        "[::ffff:1.2.3.4]:80 | IPv4-mapped",
        "[fd00::1/8]:53 | bits set past the /8 prefix",
        "[::1/129]:53 | above 128",
        "[]:53 | is not an IPv6 address",
        ":80 | is not an IPv4 address",
      })
  void badPatternsAreRefusedWithTheReason(String pattern, String reason) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SocketPolicy.none().withBind(pattern.strip()));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().contains(pattern.strip()), e.getMessage());
  }

  @Test
  void theDefaultGrantsNothing() throws UnknownHostException {
    SocketPolicy none = WasiConfig.defaults().socketPolicy();
    assertTrue(none.isEmpty());
    assertFalse(none.allowsConnect(at("127.0.0.1", 80)));
    assertFalse(none.allowsBind(at("127.0.0.1", 0)));
    assertFalse(none.allowsDatagramBind(at("0.0.0.0", 0)));
    assertFalse(none.allowsDatagramsTo(at("127.0.0.1", 53)));
    assertFalse(none.allowsNameLookup());
    assertFalse(none.covers(InetAddress.getByName("127.0.0.1")));
  }

  @Test
  void eachGrantCoversOnlyItsOwnOperation() throws UnknownHostException {
    SocketPolicy p = SocketPolicy.none().withConnect("127.0.0.1:80");
    assertTrue(p.allowsConnect(at("127.0.0.1", 80)));
    assertFalse(p.allowsBind(at("127.0.0.1", 80)));
    assertFalse(p.allowsDatagramsTo(at("127.0.0.1", 80)));
    assertFalse(p.allowsNameLookup());
    SocketPolicy b = SocketPolicy.none().withBind("127.0.0.1:9000");
    assertTrue(b.allowsBind(at("127.0.0.1", 9000)));
    assertFalse(b.allowsBind(at("127.0.0.1", 0)), "an ephemeral port needs a range with 0");
    assertFalse(b.allowsConnect(at("127.0.0.1", 9000)));
  }

  @Test
  void aDatagramGrantLetsUdpSocketsBindAnEphemeralPort() throws UnknownHostException {
    SocketPolicy p = SocketPolicy.none().withDatagrams("127.0.0.1:53");
    assertTrue(p.allowsDatagramBind(at("0.0.0.0", 0)));
    assertFalse(p.allowsDatagramBind(at("0.0.0.0", 53)));
    assertFalse(p.allowsBind(at("0.0.0.0", 0)), "TCP binds need a bind grant");
    assertTrue(p.allowsDatagramsTo(at("127.0.0.1", 53)));
    assertFalse(p.allowsDatagramsTo(at("127.0.0.1", 54)));
  }

  @Test
  void lookupsMayReturnOnlyCoveredAddresses() throws UnknownHostException {
    SocketPolicy p =
        SocketPolicy.none().withNameLookup().withConnect("127.0.0.1:80").withDatagrams("[::1]:53");
    assertTrue(p.allowsNameLookup());
    assertTrue(p.covers(InetAddress.getByName("127.0.0.1")));
    assertTrue(p.covers(InetAddress.getByName("::1")));
    assertFalse(p.covers(InetAddress.getByName("127.0.0.2")));
  }

  @Test
  void policiesAreValuesAndConfigsCarryThem() {
    SocketPolicy a = SocketPolicy.none().withConnect("*:443").withNameLookup();
    SocketPolicy b = SocketPolicy.none().withConnect("*:443").withNameLookup();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(java.util.List.of("*:443"), a.connectGrants());
    assertEquals(a, WasiConfig.defaults().withSocketPolicy(a).socketPolicy());
    assertTrue(SocketPolicy.none().isEmpty(), "withX returns a copy");
    assertThrows(NullPointerException.class, () -> WasiConfig.defaults().withSocketPolicy(null));
  }
}
