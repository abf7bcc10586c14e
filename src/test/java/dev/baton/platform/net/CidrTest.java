package dev.baton.platform.net;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void anIpv4BlockHoldsExactlyItsAddresses() {
        Cidr block = Cidr.parse("10.1.2.0/23");
        assertTrue(block.contains(ip("10.1.2.0")));
        assertTrue(block.contains(ip("10.1.3.255")));
        assertFalse(block.contains(ip("10.1.4.0")));
        assertFalse(block.contains(ip("10.1.1.255")));
    }

    @Test
    void aBareAddressIsABlockOfOne() {
        Cidr one = Cidr.parse("127.0.0.1");
        assertEquals(32, one.prefix());
        assertTrue(one.contains(ip("127.0.0.1")));
        assertFalse(one.contains(ip("127.0.0.2")));
        assertTrue(Cidr.parse("::1").contains(ip("::1")));
        assertFalse(Cidr.parse("::1").contains(ip("::2")));
    }

    @Test
    void zeroPrefixHoldsEveryAddressOfItsFamilyOnly() {
        assertTrue(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(ip("2001:db8::1")));
        assertTrue(Cidr.parse("::/0").contains(ip("2001:db8::1")));
    }

    @Test
    void anIpv6BlockHoldsExactlyItsAddresses() {
        Cidr block = Cidr.parse("2001:db8:abcd::/48");
        assertTrue(block.contains(ip("2001:db8:abcd:ffff::1")));
        assertFalse(block.contains(ip("2001:db8:abce::1")));
        assertTrue(Cidr.parse("fd00::/7").contains(ip("fdff::1")));
        assertFalse(Cidr.parse("fd00::/8").contains(ip("fc00::1")));
        assertFalse(block.contains(ip("10.0.0.1")));
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertTrue(Cidr.parse("10.0.0.0/8").contains(ip("::ffff:10.9.8.7")));
        Cidr mapped = Cidr.parse("::ffff:10.0.0.0/104");
        assertEquals(8, mapped.prefix());
        assertTrue(mapped.contains(ip("10.9.8.7")));
        assertFalse(mapped.contains(ip("11.0.0.1")));
        assertEquals(Optional.of(ip("192.0.2.1")), Cidr.address("::ffff:192.0.2.1"));
    }

    @Test
    void anythingButABlockIsRefused() {
        for (String bad : new String[] {"", "/8", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/8/8",
            "10.0.0", "10.0.0.256/8", "127.1", "010.0.0.1", "localhost", "example.com/24", "10.0.0.0/ 8", "1::2::3/64",
            "fe80::1%eth0", "::ffff:10.0.0.0/8", "10.0.0.0/0x8"}) {
            assertThrows(IllegalArgumentException.class, () -> Cidr.parse(bad), bad);
        }
    }

    @Test
    void onlyLiteralsAreAddressesNeverNames() {
        assertEquals(Optional.empty(), Cidr.address("localhost"));
        assertEquals(Optional.empty(), Cidr.address("unknown"));
        assertEquals(Optional.empty(), Cidr.address("_hidden"));
        assertEquals(Optional.empty(), Cidr.address("192.0.2.1:8080"));
        assertEquals(Optional.of(ip("2001:db8::1")), Cidr.address("[2001:db8::1]"));
        assertEquals(Optional.of(ip("192.0.2.1")), Cidr.address(" 192.0.2.1 "));
    }

    private static InetAddress ip(String literal) {
        return Cidr.address(literal).orElseThrow();
    }
}
