package dev.baton.platform.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of addresses in CIDR notation, IPv4 ({@code 10.0.0.0/8}) or IPv6 ({@code fd00::/8}); a
 * bare address is a block of one. An IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) is taken
 * as the IPv4 address it carries, in a block and when matched.
 */
public record Cidr(InetAddress network, int prefix) {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX = Pattern.compile("\\d{1,3}");

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("A prefix of " + network.getHostAddress() + " is 0 to " + bits + ": " + prefix);
        }
    }

    /** {@code 192.0.2.0/24}, {@code 2001:db8::/32}, {@code 127.0.0.1}; anything else is refused. */
    public static Cidr parse(String text) {
        String[] parts = text.trim().split("/", -1);
        InetAddress network = address(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address: '" + parts[0] + "' in '" + text + "'"));
        int bits = network.getAddress().length * 8;
        if (parts.length > 2 || parts.length == 2 && !PREFIX.matcher(parts[1]).matches()) {
            throw new IllegalArgumentException("Not a CIDR block: '" + text + "'");
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
        // ::ffff:10.0.0.0/104 is read as 10.0.0.0: its prefix counts the IPv4 bits alone.
        boolean mapped = network instanceof Inet4Address && parts[0].contains(":");
        if (mapped && parts.length == 2 && prefix < 96) {
            throw new IllegalArgumentException("An IPv4-mapped block needs a prefix of 96 to 128: '" + text + "'");
        }
        return new Cidr(network, mapped && parts.length == 2 ? prefix - 96 : prefix);
    }

    /**
     * An IP address written as one, never looked up by name: a dotted IPv4 quad or an IPv6
     * literal, optionally in brackets; empty for anything else.
     */
    public static Optional<InetAddress> address(String text) {
        String literal = text.trim().replaceFirst("^\\[(.*)]$", "$1");
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] block = network.getAddress();
        byte[] candidate = address.getAddress();
        if (block.length != candidate.length) {
            return false;
        }
        int whole = prefix / 8;
        int rest = prefix % 8;
        if (!Arrays.equals(block, 0, whole, candidate, 0, whole)) {
            return false;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return rest == 0 || (block[whole] & mask) == (candidate[whole] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
