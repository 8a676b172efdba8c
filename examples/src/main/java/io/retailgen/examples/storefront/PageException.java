package io.retailgen.examples.storefront;

import io.retailgen.core.data.DataIssue;
import java.util.Objects;

/**
 * A request a page cannot serve: the storefront answers it with the status and, for API calls, the error JSON
 * {@code {"error": {"status": 404, "code": "unknown_item", "message": "...", "value": "..."}}}.
 *
 * <pre>{@code
 * throw PageException.notFound("unknown_item", "unknown item id", itemId);
 * }</pre>
 */
public final class PageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String value;

    /**
     * @param status the HTTP status, 400 to 599
     * @param code a stable machine-readable code such as {@code invalid_item_id}
     * @param message what was wrong and what would be valid
     * @param value the offending value (made printable and cut to 80 characters), or null
     */
    public PageException(int status, String code, String message, String value) {
        super(Objects.requireNonNull(message, "message == null"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be in 400..599, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code == null");
        this.value = value == null ? null : DataIssue.printable(value, 80);
    }

    /**
     * @param code the error code
     * @param message the message
     * @param value the offending value, or null
     * @return a 400 Bad Request
     */
    public static PageException badRequest(String code, String message, String value) {
        return new PageException(400, code, message, value);
    }

    /**
     * @param code the error code
     * @param message the message
     * @param value the offending value, or null
     * @return a 404 Not Found
     */
    public static PageException notFound(String code, String message, String value) {
        return new PageException(404, code, message, value);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the machine-readable error code */
    public String code() {
        return code;
    }

    /** @return the offending value in printable form, or null */
    public String value() {
        return value;
    }
}
