package io.retailgen.examples.storefront;

/**
 * HTML escaping for storefront pages. Every value that did not come from a string literal in the page's code must
 * pass through {@link #escape(String)} before it is written into a page.
 *
 * <pre>{@code
 * String li = "<li>" + Html.escape(item.name()) + "</li>";
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for use in HTML element content and in double- or single-quoted attribute values: {@code & < > "
     * '} become character references, and characters that HTML forbids or that a browser would drop or reinterpret
     * (NUL and other C0/C1 controls except tab, line feed and carriage return, unpaired surrogates) become U+FFFD.
     *
     * @param text the text, not null
     * @return the escaped text
     */
    public static String escape(String text) {
        if (text == null) {
            throw new NullPointerException("text == null");
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        sb.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || (c >= 0x7f && c <= 0x9f)) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
