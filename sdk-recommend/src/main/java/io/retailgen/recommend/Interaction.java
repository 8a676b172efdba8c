package io.retailgen.recommend;

import java.util.Objects;

/**
 * One event of a shopping session.
 *
 * <pre>{@code
 * Interaction click = new Interaction("s1", "sku-42", 1396437466.94, EventType.VIEW, EventContext.NONE);
 * }</pre>
 *
 * @param sessionId the session (or anonymous visit) id, not blank
 * @param itemId the item id, not blank
 * @param timestamp unix time in seconds (may carry a fraction), finite
 * @param type what happened
 * @param context the event's context, {@link EventContext#NONE} when unknown
 */
public record Interaction(String sessionId, String itemId, double timestamp, EventType type, EventContext context) {

    /** Validates the fields; a {@code null} context becomes {@link EventContext#NONE}. */
    public Interaction {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(type, "type");
        if (sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        if (itemId.isBlank()) {
            throw new IllegalArgumentException("itemId must not be blank (session " + sessionId + ")");
        }
        if (!Double.isFinite(timestamp)) {
            throw new IllegalArgumentException("timestamp must be finite unix seconds, was " + timestamp
                    + " (session " + sessionId + ", item " + itemId + ")");
        }
        context = EventContext.orNone(context);
    }

    /**
     * A view without context.
     *
     * @param sessionId the session id
     * @param itemId the item id
     * @param timestamp unix seconds
     * @return the interaction
     */
    public static Interaction view(String sessionId, String itemId, double timestamp) {
        return new Interaction(sessionId, itemId, timestamp, EventType.VIEW, EventContext.NONE);
    }
}
