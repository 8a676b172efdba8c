package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(Html.escape("<script>alert('x')</script> & \"y\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;");
    }

    @Test
    void replacesControlCharactersAndUnpairedSurrogatesButKeepsPairs() {
        assertThat(Html.escape("a\u0000b\u0085c\td\n")).isEqualTo("a\uFFFDb\uFFFDc\td\n");
        assertThat(Html.escape("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(Html.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
        assertThat(Html.escape("\uDE00\uD83D")).isEqualTo("\uFFFD\uFFFD");
    }

    @Test
    void escapedTextHasNoMarkupAndDecodesBackToTheCleanedInput() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 40)).checkAssert(s -> {
            String e = Html.escape(s);
            assertThat(e).doesNotContain("<", ">", "\"", "'");
            assertThat(unescape(e)).isEqualTo(clean(s));
            assertThat(Html.escape(unescape(e))).isEqualTo(e);
        });
    }

    /** The inverse of the five character references, checking that every '&' starts one. */
    private static String unescape(String e) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < e.length(); ) {
            if (e.charAt(i) != '&') {
                sb.append(e.charAt(i++));
                continue;
            }
            boolean matched = false;
            for (String[] ref : new String[][] {{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                {"&#39;", "'"}}) {
                if (e.startsWith(ref[0], i)) {
                    sb.append(ref[1]);
                    i += ref[0].length();
                    matched = true;
                    break;
                }
            }
            assertThat(matched).as("bare '&' at %d in %s", i, e).isTrue();
        }
        return sb.toString();
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            boolean bad = (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)
                    || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0x7f && cp <= 0x9f);
            sb.appendCodePoint(bad ? 0xFFFD : cp);
        });
        return sb.toString();
    }
}
