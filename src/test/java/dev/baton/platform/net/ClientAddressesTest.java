package dev.baton.platform.net;

import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(ClientAddresses.blocks("10.0.0.0/8, fd00::/8, 127.0.0.1"));

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverItForwards() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertEquals("10.0.0.5", none.clientOf("10.0.0.5", List.of("203.0.113.7")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("198.51.100.2", behindProxies.clientOf("198.51.100.2", List.of("203.0.113.7")));
        assertEquals("127.0.0.2", behindProxies.clientOf("127.0.0.2", List.of("127.0.0.1")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostEntryNotTrusted() {
        assertEquals("203.0.113.7", behindProxies.clientOf("10.0.0.5", List.of("203.0.113.7")));
        // The client claims 1.2.3.4; our proxies saw 203.0.113.7 and each other.
        assertEquals("203.0.113.7", behindProxies.clientOf("10.0.0.5", List.of("1.2.3.4, 203.0.113.7, 10.0.0.9")));
        assertEquals("203.0.113.7", behindProxies.clientOf("10.0.0.5", List.of("1.2.3.4", "203.0.113.7,10.0.0.9")));
    }

    @Test
    void aTrustedPeerWithoutForwardedForIsTheClient() {
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", List.of()));
    }

    @Test
    void ipv6PeersAndClientsAndMappedIpv4() {
        assertEquals("2001:db8:0:0:0:0:0:7", behindProxies.clientOf("fd00:0:0:0:0:0:0:1", List.of("2001:db8::7")));
        assertEquals("203.0.113.7", behindProxies.clientOf("::ffff:10.0.0.5", List.of("::ffff:203.0.113.7")));
        assertEquals("2001:db8:0:0:0:0:0:9", behindProxies.clientOf("2001:db8::9", List.of("203.0.113.7")));
    }

    @Test
    void anEntryThatIsNoAddressStopsAtTheLastTrustedHop() {
        assertEquals("10.0.0.9", behindProxies.clientOf("10.0.0.5", List.of("203.0.113.7, unknown, 10.0.0.9")));
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", List.of("evil.example")));
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", List.of("")));
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", List.of("203.0.113.7:4711")));
    }

    @Test
    void onlyTrustedProxiesAllTheWayGiveTheLeftMost() {
        assertEquals("10.0.0.1", behindProxies.clientOf("10.0.0.5", List.of("10.0.0.1, 10.0.0.2")));
    }

    @Test
    void aSettingThatIsNotAListOfBlocksIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.blocks("10.0.0.0/8, proxy.internal"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddresses.blocks("10.0.0.0/8; 192.168.0.0/16"));
        assertEquals(List.of(), ClientAddresses.blocks(" , "));
    }
}
