package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StorefrontRoutingTest {

    @Test
    void splitsAndDecodesPathSegments() {
        assertThat(StorefrontApp.segments("/")).isEmpty();
        assertThat(StorefrontApp.segments("/audit/")).containsExactly("audit");
        assertThat(StorefrontApp.segments("/api/product/sku-1")).containsExactly("api", "product", "sku-1");
        assertThat(StorefrontApp.segments("/product/a%2Fb+c")).containsExactly("product", "a/b+c");
        assertThat(StorefrontApp.segments("/product/%E2%9C%93")).containsExactly("product", "\u2713");
        assertThat(StorefrontApp.segments("/product//x")).containsExactly("product", "", "x");
    }

    @Test
    void rejectsMalformedPercentEncodingAndInvalidUtf8() {
        assertThatThrownBy(() -> StorefrontApp.segments("/product/%zz")).isInstanceOf(PageException.class)
                .hasMessageContaining("malformed percent-encoding");
        assertThatThrownBy(() -> StorefrontApp.segments("/product/%C3")).isInstanceOf(PageException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void parsesQueryStringsFirstValueWins() {
        assertThat(StorefrontApp.query("k=3&session=ab%20c&k=9&flag")).isEqualTo(
                Map.of("k", "3", "session", "ab c", "flag", ""));
        assertThat(StorefrontApp.query(null)).isEmpty();
        assertThatThrownBy(() -> StorefrontApp.query("k=%"))
                .isInstanceOfSatisfying(PageException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void sessionIdsAreFreshAndValid() {
        String a = StorefrontApp.newSessionId();
        String b = StorefrontApp.newSessionId();
        assertThat(a).isNotEqualTo(b).matches(ShopService.SESSION_ID);
        assertThat(ShopService.checkSession(a)).isEqualTo(a);
        assertThatThrownBy(() -> ShopService.checkSession("short")).isInstanceOf(PageException.class);
    }
}
