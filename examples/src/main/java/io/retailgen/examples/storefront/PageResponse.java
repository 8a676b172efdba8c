package io.retailgen.examples.storefront;

import java.util.Objects;

/**
 * What a {@link StorefrontPage} answers: an HTML fragment that the storefront wraps in its layout (navigation,
 * styles), a value that it writes as JSON with Jackson, or bytes of another media type (such as a PNG chart).
 *
 * <pre>{@code
 * return PageResponse.html(200, "Planner", "<p>" + Html.escape(text) + "</p>");
 * return PageResponse.json(200, Map.of("scenarios", scenarios));
 * return PageResponse.bytes(200, "image/png", png);
 * }</pre>
 *
 * @param status the HTTP status
 * @param title the page title (plain text, escaped by the layout); null for JSON
 * @param html the page body as HTML, every dynamic value already escaped with {@link Html#escape}; null for JSON
 * @param json the value to write as JSON; null for HTML and bytes
 * @param contentType the media type of {@code body}, such as {@code image/png}; null for HTML and JSON
 * @param body the bytes to send as they are; null for HTML and JSON
 */
public record PageResponse(int status, String title, String html, Object json, String contentType, byte[] body) {

    /** Validates. */
    public PageResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in 100..599, was " + status);
        }
        int set = (html == null ? 0 : 1) + (json == null ? 0 : 1) + (body == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("exactly one of html, json and body must be set, were " + set);
        }
        if ((body == null) != (contentType == null)) {
            throw new IllegalArgumentException("contentType must be set exactly when body is");
        }
        if (html != null) {
            Objects.requireNonNull(title, "title == null");
        }
    }

    /**
     * @param status the HTTP status
     * @param title the title (plain text)
     * @param html the body fragment (escaped HTML)
     * @return an HTML response
     */
    public static PageResponse html(int status, String title, String html) {
        return new PageResponse(status, title, Objects.requireNonNull(html, "html == null"), null, null, null);
    }

    /**
     * @param status the HTTP status
     * @param json a Jackson-serializable value (maps, lists, records, {@code JsonNode})
     * @return a JSON response
     */
    public static PageResponse json(int status, Object json) {
        return new PageResponse(status, null, null, Objects.requireNonNull(json, "json == null"), null, null);
    }

    /**
     * @param status the HTTP status
     * @param contentType the media type, such as {@code image/png}
     * @param body the bytes (not copied: the caller must not change them afterwards)
     * @return a response that sends the bytes as they are
     */
    public static PageResponse bytes(int status, String contentType, byte[] body) {
        Objects.requireNonNull(contentType, "contentType == null");
        Objects.requireNonNull(body, "body == null");
        if (!contentType.matches("[a-z]+/[a-z0-9.+-]+")) {
            throw new IllegalArgumentException("contentType must look like 'image/png', was '" + contentType + "'");
        }
        return new PageResponse(status, null, null, null, contentType, body);
    }
}
