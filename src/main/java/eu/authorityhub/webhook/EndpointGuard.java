package eu.authorityhub.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import eu.authorityhub.api.ErrorCode;
import eu.authorityhub.api.HubException;

/**
 * The SSRF guard. An endpoint URL must be absolute http(s) without credentials; its host is resolved and every address
 * must be public, or inside an allow-list (deployment-wide or the owner's). It is checked when a subscription is
 * written and again before every delivery, which then connects to the very address that was checked (so a DNS answer
 * that changes in between, "rebinding", cannot lead the hub elsewhere).
 */
@ApplicationScoped
public class EndpointGuard {

    /** Why an address is not public. */
    public enum AddressClass {
        PUBLIC,
        LOOPBACK,
        UNSPECIFIED,
        PRIVATE,
        SHARED,
        LINK_LOCAL,
        METADATA,
        UNIQUE_LOCAL,
        MULTICAST,
        RESERVED
    }

    /** Networks and host names an owner may reach although they are not public. */
    public record AllowList(List<Cidr> networks, Set<String> hosts) {

        public static final AllowList NONE = new AllowList(List.of(), Set.of());

        public static AllowList of(List<String> cidrs, List<String> hosts) {
            return new AllowList(cidrs.stream().map(Cidr::parse).toList(),
                    hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
        }

        AllowList plus(AllowList other) {
            List<Cidr> n = new ArrayList<>(networks);
            n.addAll(other.networks);
            Set<String> h = new java.util.HashSet<>(hosts);
            h.addAll(other.hosts);
            return new AllowList(List.copyOf(n), Set.copyOf(h));
        }
    }

    /** An endpoint that passed the guard: where to connect, and which addresses may be used. */
    public record Target(URI uri, String host, int port, boolean https, List<InetAddress> addresses) {
    }

    private final boolean requireHttps;
    private final AllowList deployment;

    @jakarta.inject.Inject
    public EndpointGuard(WebhookConfig config) {
        this(config.requireHttps(), AllowList.of(config.allowedNetworks().orElse(List.of()),
                config.allowedHosts().orElse(List.of())));
    }

    EndpointGuard(boolean requireHttps, AllowList deployment) {
        this.requireHttps = requireHttps;
        this.deployment = deployment;
    }

    /** Reads an endpoint URL; refuses what is not an absolute http(s) URL with a host and no credentials. */
    public URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw invalid("the URL is missing or longer than 2048 characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid("the URL cannot be read: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw invalid("the URL must be absolute, http or https, with a host name");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("the URL may carry neither credentials nor a fragment");
        }
        if (requireHttps && !scheme.equals("https")) {
            throw new HubException(ErrorCode.WEBHOOK_HTTPS_REQUIRED, "Webhook endpoints must use https");
        }
        return uri;
    }

    /** Resolves the host and checks every address; the owner's allow-list adds to the deployment's. */
    public Target check(URI uri, AllowList owner) {
        String bare = bareHost(uri);
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new HubException(ErrorCode.WEBHOOK_ADDRESS_REFUSED, "The endpoint's host name does not resolve");
        }
        return check(uri, owner, resolved);
    }

    /** The host of the URL without IPv6 brackets, as a resolver takes it. */
    public static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Checks every address the host resolved to (resolved elsewhere, e.g. off the dispatcher's thread). */
    public Target check(URI uri, AllowList owner, InetAddress[] resolved) {
        String bare = bareHost(uri);
        AllowList allowed = deployment.plus(owner);
        boolean hostAllowed = allowed.hosts().contains(bare.toLowerCase(Locale.ROOT));
        for (InetAddress a : resolved) {
            AddressClass c = classify(a);
            if (!permitted(a, c, hostAllowed, allowed)) {
                throw new HubException(ErrorCode.WEBHOOK_ADDRESS_REFUSED,
                        "The endpoint resolves to a " + c.name().toLowerCase(Locale.ROOT).replace('_', '-')
                                + " address, which the hub does not call");
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, bare, port, https, List.of(resolved));
    }

    private static boolean permitted(InetAddress a, AddressClass c, boolean hostAllowed, AllowList allowed) {
        if (c == AddressClass.PUBLIC) {
            return true;
        }
        if (c == AddressClass.METADATA) {
            return false; // cloud metadata services: never, whatever the lists say
        }
        if (allowed.networks().stream().anyMatch(n -> n.contains(a))) {
            return true;
        }
        return hostAllowed && (c == AddressClass.PRIVATE || c == AddressClass.SHARED || c == AddressClass.UNIQUE_LOCAL);
    }

    /** Classifies an address; IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4) count as IPv4. */
    public static AddressClass classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return classify4(embedded);
            }
            return classify6(b);
        }
        return classify4(b);
    }

    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) || isOne(b));
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 11);
        if (mapped || compatible || nat64) {
            return new byte[]{b[12], b[13], b[14], b[15]};
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4: 2002:AABB:CCDD::/48
            return new byte[]{b[2], b[3], b[4], b[5]};
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOne(byte[] b) {
        return allZero(b, 0, 14) && b[15] == 1;
    }

    private static AddressClass classify4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254 || a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) {
            return AddressClass.METADATA;
        }
        if (a0 == 127) {
            return AddressClass.LOOPBACK;
        }
        if (a0 == 0) {
            return AddressClass.UNSPECIFIED;
        }
        if (a0 == 10 || a0 == 172 && a1 >= 16 && a1 <= 31 || a0 == 192 && a1 == 168) {
            return AddressClass.PRIVATE;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return AddressClass.SHARED;
        }
        if (a0 == 169 && a1 == 254) {
            return AddressClass.LINK_LOCAL;
        }
        if (a0 >= 224 && a0 <= 239) {
            return AddressClass.MULTICAST;
        }
        if (a0 >= 240 || a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) || a0 == 198 && (a1 == 18 || a1 == 19)
                || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
            return AddressClass.RESERVED;
        }
        return AddressClass.PUBLIC;
    }

    private static AddressClass classify6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (allZero(b, 0, 15)) {
            return AddressClass.UNSPECIFIED;
        }
        if (isOne(b)) {
            return AddressClass.LOOPBACK;
        }
        if (b0 == 0xfd && b1 == 0x00 && (b[2] & 0xff) == 0x0e && (b[3] & 0xff) == 0xc2 && allZero(b, 4, 13)
                && (b[14] & 0xff) == 0x02 && (b[15] & 0xff) == 0x54) {
            return AddressClass.METADATA; // fd00:ec2::254
        }
        if ((b0 & 0xfe) == 0xfc) {
            return AddressClass.UNIQUE_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return AddressClass.LINK_LOCAL;
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return AddressClass.RESERVED; // site-local fec0::/10 (deprecated by RFC 3879, still routed inside sites)
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && b[4] == 0
                && (b[5] & 0xff) == 0x01) {
            return AddressClass.RESERVED; // local-use NAT64 64:ff9b:1::/48 (RFC 8215): translates into local IPv4
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
            return AddressClass.RESERVED; // Teredo 2001::/32: a tunnel to an IPv4 address hidden in the last 32 bits
        }
        if (b0 == 0xff) {
            return AddressClass.MULTICAST;
        }
        if (b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8 || b0 == 0x01 && b1 == 0
                && allZero(b, 2, 7)) {
            return AddressClass.RESERVED; // documentation 2001:db8::/32, discard 100::/64
        }
        return AddressClass.PUBLIC;
    }

    private static HubException invalid(String detail) {
        return new HubException(ErrorCode.WEBHOOK_URL_INVALID, "Invalid endpoint URL: " + detail);
    }

    /** Whether the host is an IPv4 or IPv6 address literal (no brackets), which needs no name lookup. */
    static boolean isAddressLiteral(String s) {
        return s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") || s.matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    }

    /** An IPv4 or IPv6 network in CIDR notation. */
    public record Cidr(byte[] network, int prefix) {

        public static Cidr parse(String text) {
            String t = text.strip();
            int slash = t.indexOf('/');
            String address = slash < 0 ? t : t.substring(0, slash);
            if (!isAddressLiteral(address)) {
                // checked before InetAddress sees it: a name would be resolved through DNS
                throw new HubException(ErrorCode.VALIDATION_FAILED, "Not a network in CIDR notation: " + text);
            }
            try {
                InetAddress base = InetAddress.getByName(address);
                int max = base.getAddress().length * 8;
                int prefix = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
                if (prefix < 0 || prefix > max) {
                    throw new NumberFormatException();
                }
                return new Cidr(base.getAddress(), prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new HubException(ErrorCode.VALIDATION_FAILED, "Not a network in CIDR notation: " + text);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
