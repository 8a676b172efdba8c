package io.retailgen.recommend;

import java.util.Locale;

/** What the shopper did with an item. */
public enum EventType {
    /** The item page was viewed (a click). */
    VIEW,
    /** The item was put in the cart. */
    CART,
    /** The item was bought. */
    PURCHASE;

    /**
     * Parses a name case-insensitively ({@code view}, {@code cart}, {@code purchase}; {@code click} and
     * {@code buy} are accepted as synonyms).
     *
     * @param text the name
     * @return the event type
     * @throws IllegalArgumentException when the name is unknown
     */
    public static EventType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "view":
            case "click":
                return VIEW;
            case "cart":
            case "add_to_cart":
                return CART;
            case "purchase":
            case "buy":
                return PURCHASE;
            default:
                throw new IllegalArgumentException("unknown event type '" + text
                        + "', expected one of view, cart, purchase (or click, buy)");
        }
    }
}
