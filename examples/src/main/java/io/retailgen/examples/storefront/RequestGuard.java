package io.retailgen.examples.storefront;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks every request passes before a page sees it: the {@code Host} header must name this server (so that a
 * page on another domain that re-points its DNS name at this machine cannot talk to it), a state-changing request
 * must come from one of this server's own pages ({@code Origin}, else {@code Referer}) and carry the media type its
 * endpoint reads. Immutable and thread-safe.
 */
final class RequestGuard {

    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";

    private final Set<String> hosts;
    private final int port;
    private final List<String> served;

    /**
     * @param hostNames the host names (lower case, IPv6 literals in brackets) this server answers to
     * @param port the port it listens on
     */
    RequestGuard(Set<String> hostNames, int port) {
        Set<String> h = new LinkedHashSet<>();
        hostNames.forEach(n -> h.add(n.toLowerCase(Locale.ROOT)));
        this.hosts = Set.copyOf(h);
        this.port = port;
        this.served = h.stream().map(n -> n + ":" + port).toList();
    }

    /** @return {@code name:port} for each host name served, in configuration order */
    List<String> served() {
        return served;
    }

    /**
     * @param host the {@code Host} header, or null
     * @throws PageException 400 when it is missing or malformed, 421 when it names another server
     */
    void checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw PageException.badRequest("missing_host", "the request has no Host header; this storefront answers"
                    + " to " + String.join(", ", served), null);
        }
        if (!servesAuthority(host.trim())) {
            throw new PageException(421, "misdirected_request", "this storefront does not answer to host '" + host
                    + "'; it answers to " + String.join(", ", served) + " (add a name with --allowed-host)", host);
        }
    }

    private boolean servesAuthority(String authority) {
        String name;
        int p;
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            name = authority.substring(0, colon);
            try {
                p = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            name = authority;
            p = 80;
        }
        return p == port && hosts.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * Checks where a state-changing request comes from: its {@code Origin} (or, when a client sends none, its
     * {@code Referer}) must be {@code http://} one of the served hosts. A request with neither header (not sent by
     * a browser) passes here and is left to the CSRF token check.
     *
     * @param origin the {@code Origin} header, or null
     * @param referer the {@code Referer} header, or null
     * @throws PageException 403 when the request comes from another site
     */
    void checkOrigin(String origin, String referer) {
        if (origin != null) {
            if (!sameSite(origin)) {
                throw new PageException(403, "cross_origin", "state-changing requests must come from this"
                        + " storefront's own pages; Origin was '" + origin + "', allowed: http://"
                        + String.join(", http://", served), origin);
            }
        } else if (referer != null && !sameSite(referer)) {
            throw new PageException(403, "cross_origin", "state-changing requests must come from this storefront's"
                    + " own pages; Referer was '" + referer + "'", referer);
        }
    }

    private boolean sameSite(String url) {
        try {
            URI u = new URI(url.trim());
            return "http".equalsIgnoreCase(u.getScheme()) && u.getRawAuthority() != null
                    && u.getRawUserInfo() == null && servesAuthority(u.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * @param headers the request headers
     * @param expected the media type the endpoint reads, {@value #JSON} or {@value #FORM}
     * @throws PageException 415 when the {@code Content-Type} is another one (parameters such as
     *     {@code charset=utf-8} are allowed)
     */
    static void requireMediaType(Headers headers, String expected) {
        String type = headers.getFirst("Content-Type");
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals(expected)) {
            throw new PageException(415, "unsupported_media_type", "this endpoint reads " + expected
                    + "; the request's Content-Type was " + (type == null ? "missing" : "'" + type + "'"), type);
        }
    }
}
