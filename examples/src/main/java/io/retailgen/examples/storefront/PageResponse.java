package io.retailgen.examples.storefront;

import java.util.Objects;

/**
 * What a {@link StorefrontPage} answers: an HTML fragment that the storefront wraps in its layout (navigation,
 * styles), or a value that it writes as JSON with Jackson.
 *
 * <pre>{@code
 * return PageResponse.html(200, "Planner", "<p>" + Html.escape(text) + "</p>");
 * return PageResponse.json(200, Map.of("scenarios", scenarios));
 * }</pre>
 *
 * @param status the HTTP status
 * @param title the page title (plain text, escaped by the layout); null for JSON
 * @param html the page body as HTML, every dynamic value already escaped with {@link Html#escape}; null for JSON
 * @param json the value to write as JSON; null for HTML
 */
public record PageResponse(int status, String title, String html, Object json) {

    /** Validates. */
    public PageResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in 100..599, was " + status);
        }
        if ((html == null) == (json == null)) {
            throw new IllegalArgumentException("exactly one of html and json must be set");
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
        return new PageResponse(status, title, Objects.requireNonNull(html, "html == null"), null);
    }

    /**
     * @param status the HTTP status
     * @param json a Jackson-serializable value (maps, lists, records, {@code JsonNode})
     * @return a JSON response
     */
    public static PageResponse json(int status, Object json) {
        return new PageResponse(status, null, null, Objects.requireNonNull(json, "json == null"));
    }
}
