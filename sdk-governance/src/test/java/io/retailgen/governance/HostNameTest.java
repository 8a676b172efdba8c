package io.retailgen.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.retailgen.core.intercept.Finding;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The host-name reading of replica-shop domains strips a URL scheme and {@code www.} exactly as the regular
 * expressions {@code ^https?://} and {@code ^www\.} did, and finds shop domains with and without them.
 */
class HostNameTest {

    private static final Pattern SCHEME = Pattern.compile("^https?://");
    private static final Pattern WWW = Pattern.compile("^www\\.");
    private static final List<String> PARTS = List.of("http://", "https://", "http:/", "https:", "www.", "ww.",
            "www", "rolex", "replica", "-", ".", "com", "/", "x", "1", "HTTP://", "\u00e9");

    @Test
    void schemeAndWwwAreStrippedAsTheRegularExpressionsStripThem() {
        qt().withExamples(5000).forAll(lists().of(integers().between(0, PARTS.size() - 1)).ofSizeBetween(0, 8))
                .checkAssert(ix -> {
                    StringBuilder b = new StringBuilder();
                    for (int i : ix) {
                        b.append(PARTS.get(i));
                    }
                    String host = b.toString();
                    String expected = WWW.matcher(SCHEME.matcher(host).replaceFirst("")).replaceFirst("");
                    assertThat(BrandSightings.withoutSchemeAndWww(host)).as(host).isEqualTo(expected);
                });
    }

    @Test
    void aReplicaShopDomainIsFoundWithOrWithoutSchemeAndWww() {
        ContentPolicy policy = ContentPolicy.defaults();
        for (String domain : List.of("rolexreplicashop.com", "www.rolexreplicashop.com",
                "https://www.rolexreplicashop.com", "http://rolexreplicashop.com/watches")) {
            List<Finding> f = policy.check("Order at " + domain + " today").findings();
            assertThat(f).as(domain).anyMatch(x -> x.ruleId().equals("counterfeit.shop-handle"));
        }
        assertThat(policy.check("Order at https://www.rolexreplicashop.c0m today").findings())
                .noneMatch(x -> x.ruleId().equals("counterfeit.shop-handle"));
    }
}
