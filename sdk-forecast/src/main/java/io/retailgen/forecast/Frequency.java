package io.retailgen.forecast;

import java.util.Arrays;
import java.util.Locale;

/** How often a series is observed, and the seasonal period the statistical models use for it. */
public enum Frequency {
    /** Daily observations with a weekly season (7). */
    DAILY(7),
    /** Weekly observations with a yearly season (52). */
    WEEKLY(52),
    /** Monthly observations with a yearly season (12). */
    MONTHLY(12),
    /** Quarterly observations with a yearly season (4). */
    QUARTERLY(4),
    /** Yearly observations: no season. */
    YEARLY(1),
    /** Any other spacing: no season. */
    OTHER(1);

    private final int seasonalPeriod;

    Frequency(int seasonalPeriod) {
        this.seasonalPeriod = seasonalPeriod;
    }

    /** @return the number of periods in one season; 1 means no season */
    public int seasonalPeriod() {
        return seasonalPeriod;
    }

    /**
     * Parses a frequency name, case-insensitively.
     *
     * @param name for example {@code "monthly"}
     * @return the frequency
     * @throws IllegalArgumentException naming the valid values when {@code name} is unknown
     */
    public static Frequency parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        for (Frequency f : values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frequency '" + name + "', expected one of "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
