package io.herald.support;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Arrays;

/**
 * Where Herald's outbound requests may go: any public address, and of the loopback, private,
 * link-local and other internal addresses only what {@code outbound-allow} lists ({@code host},
 * {@code host:port} or a CIDR block). Checked on the addresses a name resolves to, so a public name
 * pointing inside is refused too, and again at every redirect ({@link OutboundHttp}).
 */
public final class OutboundPolicy {

    /** The refusal of a request to an address the policy keeps Herald from. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    private record Entry(String host, int port, byte[] network, int bits) {
        boolean matches(String name, InetAddress address, int p) {
            if (port >= 0 && port != p) {
                return false;
            }
            if (network == null) {
                return host.equals(name) || host.equals(address.getHostAddress().toLowerCase(Locale.ROOT));
            }
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return network == null ? (host.contains(":") ? "[" + host + "]" : host) + (port >= 0 ? ":" + port : "")
                    : host + "/" + bits + (port >= 0 ? ":" + port : "");
        }
    }

    private final List<Entry> allowed;

    private OutboundPolicy(List<Entry> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Public addresses only. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(List.of());
    }

    /** The policy of {@code outbound-allow}'s entries; one that cannot be read is refused, naming it. */
    public static OutboundPolicy parse(List<String> entries) {
        List<Entry> out = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            try {
                out.add(entry(e));
            } catch (RuntimeException | UnknownHostException ex) {
                throw new IllegalArgumentException("outbound-allow: \"" + raw + "\" is not a host, host:port or CIDR block "
                        + "(e.g. 127.0.0.1:9000, feeds.internal, 10.1.0.0/16)");
            }
        }
        return new OutboundPolicy(out);
    }

    private static Entry entry(String e) throws UnknownHostException {
        int port = -1;
        String host = e;
        if (e.startsWith("[")) {
            int end = e.indexOf(']');
            host = e.substring(1, end);
            if (end + 1 < e.length()) {
                port = port(e.substring(end + 2));
            }
        } else if (e.indexOf(':') == e.lastIndexOf(':') && e.indexOf(':') > 0) {
            host = e.substring(0, e.indexOf(':'));
            port = port(e.substring(e.indexOf(':') + 1));
        }
        int slash = host.indexOf('/');
        if (slash > 0) {
            byte[] network = literal(host.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(host.substring(slash + 1));
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("prefix length");
            }
            return new Entry(host.substring(0, slash), port, network, bits);
        }
        if (host.isEmpty() || !host.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':')) {
            throw new IllegalArgumentException("host");
        }
        if (host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            host = literal(host).getHostAddress().toLowerCase(Locale.ROOT);
        }
        return new Entry(host, port, null, 0);
    }

    private static int port(String s) {
        int p = Integer.parseInt(s);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("port");
        }
        return p;
    }

    /** An IP address written out; never a DNS lookup. */
    private static InetAddress literal(String s) throws UnknownHostException {
        if (!s.contains(":") && !s.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            throw new UnknownHostException(s);
        }
        return InetAddress.getByName(s);
    }

    /** Whether an address is inside: loopback, private, link-local, unique-local, shared, multicast or unspecified. */
    public static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 // shared address space (RFC 6598)
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Checks a request's target: an http(s) URL whose host resolves only to addresses this policy
     * allows. Returns the addresses it resolved to.
     */
    public InetAddress[] check(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("Herald sends requests only to http and https URLs, not " + Masking.url(uri.toString()));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("The URL " + Masking.url(uri.toString()) + " has no host.");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses = InetAddress.getAllByName(name);
        for (InetAddress a : addresses) {
            if (internal(a) && !allows(name, a, port)) {
                throw new Refused("Herald does not send requests to " + name + ":" + port + " (" + a.getHostAddress()
                        + " is a loopback, private or link-local address); list it in outbound-allow if it should.");
            }
        }
        return addresses;
    }

    private boolean allows(String name, InetAddress a, int port) {
        for (Entry e : allowed) {
            if (e.matches(name, a, port)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(",", allowed.stream().map(Entry::toString).toList());
    }
}
