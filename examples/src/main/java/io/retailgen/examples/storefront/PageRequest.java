package io.retailgen.examples.storefront;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request routed to a {@link StorefrontPage}: for {@code GET /product/sku-101?k=5} the page {@code product} sees
 * {@code segments = [sku-101]} and {@code query = {k=5}}; for {@code /api/product/sku-101} the same, with
 * {@code api = true}.
 *
 * @param method the HTTP method in upper case
 * @param api whether this is the JSON endpoint ({@code /api/<page>/...}) rather than the HTML page
 * @param segments the decoded path segments after the page's own (an unmodifiable copy)
 * @param query the decoded query parameters; the first value of each name wins (an unmodifiable copy)
 * @param body the request body as UTF-8 text (empty for GET)
 * @param sessionId the shopper's session id: from the {@code rg_session} cookie when the server knows it, a fresh one
 *     for pages; null when an API call brought no known session cookie
 * @param reviewer the reviewer signed in to this session (set by the server at sign-in, never taken from the
 *     request), or null
 * @param csrfToken the session's CSRF token, to embed in every form as the hidden field {@code csrf}
 *     ({@link #csrfField()}); null when there is no session. The server has already checked it on state-changing
 *     requests before the page sees them.
 */
public record PageRequest(String method, boolean api, List<String> segments, Map<String, String> query, String body,
        String sessionId, String reviewer, String csrfToken) {

    /** Validates and copies. */
    public PageRequest {
        Objects.requireNonNull(method, "method == null");
        segments = List.copyOf(Objects.requireNonNull(segments, "segments == null"));
        query = Map.copyOf(Objects.requireNonNull(query, "query == null"));
        Objects.requireNonNull(body, "body == null");
    }

    /** @return the hidden form field that carries the CSRF token; every {@code method="post"} form needs it */
    public String csrfField() {
        return csrfField(csrfToken);
    }

    static String csrfField(String token) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.escape(token == null ? "" : token) + "\">";
    }

    /**
     * @param methods the methods the page accepts
     * @throws PageException 405 when the request's method is not among them
     */
    public void requireMethod(String... methods) {
        for (String m : methods) {
            if (m.equals(method)) {
                return;
            }
        }
        throw new PageException(405, "method_not_allowed", "method " + method + " is not allowed here; allowed: "
                + String.join(", ", methods), null);
    }
}
