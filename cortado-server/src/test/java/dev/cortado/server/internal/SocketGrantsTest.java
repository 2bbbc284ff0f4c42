package dev.cortado.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cortado.wasi.SocketPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SocketGrantsTest {
  private final List<String> notes = new ArrayList<>();

  private SocketPolicy grants(String... entries) {
    return SocketGrants.of(Stream.of(entries).map(OutboundHosts::parse).toList(), notes::add);
  }

  private static InetSocketAddress at(String ip, int port) {
    return new InetSocketAddress(ip, port);
  }

  @Test
  void httpEntriesGrantNoSockets() {
    SocketPolicy p = grants("http://127.0.0.1:8080", "https://example.com");
    assertTrue(p.isEmpty());
    assertTrue(notes.isEmpty());
  }

  @Test
  void aTcpEntryLetsSocketsConnectThereOnly() {
    SocketPolicy p = grants("tcp://127.0.0.1:5432");
    assertTrue(p.allowsConnect(at("127.0.0.1", 5432)));
    assertFalse(p.allowsConnect(at("127.0.0.1", 5433)));
    assertFalse(p.allowsConnect(at("127.0.0.2", 5432)));
    assertFalse(p.allowsDatagramsTo(at("127.0.0.1", 5432)));
    assertFalse(p.allowsNameLookup());
  }

  @Test
  void aUdpEntryGrantsDatagramsAndAWildcardSchemeBoth() {
    SocketPolicy udp = grants("udp://10.0.0.1:53");
    assertTrue(udp.allowsDatagramsTo(at("10.0.0.1", 53)));
    assertFalse(udp.allowsConnect(at("10.0.0.1", 53)));
    SocketPolicy both = grants("*://10.0.0.1:1000..1010");
    assertTrue(both.allowsConnect(at("10.0.0.1", 1009)));
    assertFalse(both.allowsConnect(at("10.0.0.1", 1010)));
    assertTrue(both.allowsDatagramsTo(at("10.0.0.1", 1000)));
  }

  @Test
  void everythingAllowedGrantsEverySocketAndLookups() {
    SocketPolicy p = grants("*://*:*");
    assertTrue(p.allowsConnect(at("192.0.2.7", 1)));
    assertTrue(p.allowsDatagramsTo(at("192.0.2.7", 65535)));
    assertTrue(p.allowsNameLookup());
  }

  @Test
  void localhostAndNamesBecomeTheirAddresses() throws UnknownHostException {
    SocketPolicy local = grants("tcp://localhost:6379");
    assertTrue(local.allowsConnect(at("127.0.0.1", 6379)));
    assertTrue(local.allowsConnect(at("::1", 6379)));
    assertFalse(local.allowsConnect(at("10.0.0.1", 6379)));
    // A name is resolved at start: this machine's own name, which resolves without a network.
    InetAddress self = InetAddress.getLocalHost();
    SocketPolicy named = grants("tcp://" + self.getHostName() + ":6379");
    assertTrue(named.allowsConnect(new InetSocketAddress(self, 6379)), named.toString());
    assertTrue(named.allowsNameLookup());
  }

  @Test
  void entriesThatNameNoAddressesAreLeftOutWithANote() {
    SocketPolicy p = grants("tcp://*.example.com:8000..8010", "tcp://no-such-host.invalid:80");
    assertTrue(p.isEmpty());
    assertEquals(2, notes.size());
    // Each note names the entry as the manifest writes it.
    assertTrue(
        notes.get(0).contains("tcp://*.example.com:8000..8010")
            && notes.get(0).contains("wildcard"),
        notes.get(0));
    assertTrue(
        notes.get(1).contains("tcp://no-such-host.invalid:80") && notes.get(1).contains("resolve"),
        notes.get(1));
  }

  @Test
  void aMalformedAddressIsANoteNotACrash() {
    SocketPolicy p = grants("tcp://999.1.1.1:80");
    assertTrue(p.isEmpty());
    assertEquals(1, notes.size());
  }
}
