package io.retailgen.recommend;

import java.time.Instant;
import java.util.Objects;

/**
 * One event of a shopping session.
 *
 * <pre>{@code
 * Interaction click = Interaction.of("s1", "sku-42", Instant.now(), EventType.VIEW, new EventContext("mobile", 20, ""));
 * Interaction fromFile = new Interaction("s1", "sku-42", 1396437466.94, EventType.VIEW, EventContext.NONE);
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
     * An event at an instant (kept to the microsecond).
     *
     * @param sessionId the session id
     * @param itemId the item id
     * @param time when it happened
     * @param type what happened
     * @param context the event's context, {@link EventContext#NONE} when unknown
     * @return the interaction
     */
    public static Interaction of(String sessionId, String itemId, Instant time, EventType type,
            EventContext context) {
        Objects.requireNonNull(time, "time");
        return new Interaction(sessionId, itemId, time.getEpochSecond() + time.getNano() / 1_000 / 1e6, type, context);
    }

    /** @return {@link #timestamp()} as an instant (to the microsecond) */
    public Instant time() {
        long seconds = (long) Math.floor(timestamp);
        long micros = Math.round((timestamp - seconds) * 1e6);
        return Instant.ofEpochSecond(seconds, micros * 1_000);
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
