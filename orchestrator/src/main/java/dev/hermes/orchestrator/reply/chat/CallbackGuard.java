package dev.hermes.orchestrator.reply.chat;

import dev.hermes.orchestrator.reply.ReplyFailedException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keeps chat callbacks off internal addresses (SSRF): a callback URL comes from a chat message,
 * so a sender could aim Hermes at the metadata service or a private network. Every address the host
 * resolves to must be public, unless the allow-list names the host, the address, or a range.
 * The JDK client resolves again when it connects; the deployment's egress rules are the second fence.
 */
public final class CallbackGuard {
    private final List<String> hosts = new ArrayList<>();
    private final List<byte[][]> ranges = new ArrayList<>();

    public CallbackGuard(List<String> allowed) {
        for (String entry : allowed) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.contains("/")) {
                ranges.add(range(e));
            } else if (!e.isEmpty()) {
                hosts.add(e.startsWith("[") && e.endsWith("]") ? e.substring(1, e.length() - 1) : e);
            }
        }
    }

    /** Checks the URL; throws a final failure for a forbidden target, a retryable one when DNS fails. */
    public void check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http")) || url.getRawUserInfo() != null) {
            throw ReplyFailedException.permanent("callback refused: not an http(s) URL with a host and no user info");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host.toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw ReplyFailedException.retryable("callback host " + bare + " does not resolve", e);
        }
        boolean hostAllowed = hosts.contains(bare);
        boolean allAllowed = hostAllowed;
        for (InetAddress a : addresses) {
            boolean allowed = hostAllowed || hosts.contains(a.getHostAddress()) || inRange(a);
            if (!allowed && isInternal(a)) {
                throw ReplyFailedException.permanent("callback refused: " + bare + " is an internal address ("
                        + a.getHostAddress() + ") and not in hermes.reply.chat.allowed-hosts");
            }
            allAllowed &= allowed;
        }
        if (scheme.equals("http") && !allAllowed) {
            throw ReplyFailedException.permanent("callback refused: plain http only to hosts in hermes.reply.chat.allowed-hosts");
        }
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 // "this network", reserved and broadcast
                    || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19); // benchmarking
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc // unique local fc00::/7
                    || isMappedOrCompatibleV4(b);
        }
        return false;
    }

    /** ::ffff:a.b.c.d and the deprecated ::a.b.c.d: judged as the IPv4 address they carry. */
    private static boolean isMappedOrCompatibleV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0;
        if (!mapped && !compatible) {
            return false;
        }
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }

    private boolean inRange(InetAddress a) {
        byte[] address = a.getAddress();
        for (byte[][] r : ranges) {
            if (r[0].length != address.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < address.length && match; i++) {
                match = (address[i] & r[1][i]) == (r[0][i] & r[1][i]);
            }
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** A CIDR range as {network bytes, mask bytes}. Only literal addresses: nothing is resolved here. */
    private static byte[][] range(String cidr) {
        String[] parts = cidr.split("/", 2);
        if (!parts[0].matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("hermes.reply.chat.allowed-hosts: " + cidr + " is not an address range");
        }
        try {
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            int bits = Integer.parseInt(parts[1]);
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("hermes.reply.chat.allowed-hosts: bad prefix length in " + cidr);
            }
            byte[] mask = new byte[network.length];
            for (int i = 0; i < bits; i++) {
                mask[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
            return new byte[][] {network, mask};
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("hermes.reply.chat.allowed-hosts: " + cidr + " is not an address range", e);
        }
    }
}
