package io.retailgen.recommend;

import java.util.Locale;
import java.util.Objects;

/**
 * Optional context of an event: device type, hour of day and locale. Every part may be absent.
 *
 * <pre>{@code
 * EventContext ctx = new EventContext("mobile", 20, "en-GB");
 * EventContext none = EventContext.NONE;
 * }</pre>
 *
 * @param deviceType the device type, such as {@code mobile}, {@code desktop}, {@code tablet}; empty when unknown
 * @param hourOfDay the local hour {@code 0..23}, or {@code -1} when unknown
 * @param locale the locale tag, such as {@code en-GB}; empty when unknown
 */
public record EventContext(String deviceType, int hourOfDay, String locale) {

    /** No context at all. */
    public static final EventContext NONE = new EventContext("", -1, "");

    /** The device types the sequence model embeds; any other value shares the "other" slot. */
    static final String[] KNOWN_DEVICES = {"desktop", "mobile", "tablet", "app"};

    /** Validates and normalises (device type to lower case, {@code null} to empty). */
    public EventContext {
        deviceType = deviceType == null ? "" : deviceType.trim().toLowerCase(Locale.ROOT);
        locale = locale == null ? "" : locale.trim();
        if (hourOfDay < -1 || hourOfDay > 23) {
            throw new IllegalArgumentException("hourOfDay must be in 0..23 or -1 (unknown), was " + hourOfDay);
        }
    }

    /**
     * The slot of the device type in the model's device embedding: 0 unknown, 1..4 known, 5 other.
     *
     * @return the device slot
     */
    int deviceSlot() {
        if (deviceType.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < KNOWN_DEVICES.length; i++) {
            if (KNOWN_DEVICES[i].equals(deviceType)) {
                return i + 1;
            }
        }
        return KNOWN_DEVICES.length + 1;
    }

    /**
     * The slot of the hour in the model's hour embedding: 0 unknown, 1..24 for hours 0..23.
     *
     * @return the hour slot
     */
    int hourSlot() {
        return hourOfDay + 1;
    }

    /** The context of the given embedding slots (a device of the "other" slot becomes {@code other}). */
    static EventContext ofSlots(int deviceSlot, int hourSlot) {
        if (deviceSlot == 0 && hourSlot == 0) {
            return NONE;
        }
        String device = deviceSlot == 0 ? "" : deviceSlot <= KNOWN_DEVICES.length ? KNOWN_DEVICES[deviceSlot - 1]
                : "other";
        return new EventContext(device, hourSlot - 1, "");
    }

    static EventContext orNone(EventContext c) {
        return Objects.requireNonNullElse(c, NONE);
    }
}
