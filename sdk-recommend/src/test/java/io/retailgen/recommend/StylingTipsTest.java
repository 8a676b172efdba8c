package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StylingTipsTest {

    private final Catalog catalog = Catalog.of(List.of(
            new CatalogItem("sku-1", "Red Runner", "shoes", Map.of(), true, 59.0)));
    private final Recommendation rec = new Recommendation("sku-1", 1.0, Signal.SEQUENCE, "Because you viewed X", "v1");

    @Test
    void fillsTheTemplateAndPassesThroughInterceptors() {
        Interceptor upper = chain -> {
            assertThat(chain.request().module()).isEqualTo(StylingTips.MODULE);
            GenerationResponse r = chain.proceed(chain.request());
            return GenerationResponse.allow(r.text().toUpperCase(java.util.Locale.ROOT));
        };
        StylingTips tips = StylingTips.of("Try {name} with your {category}. {reason}", InterceptorChain.of(upper));
        assertThat(tips.tipFor(rec, catalog)).contains("TRY RED RUNNER WITH YOUR SHOES. BECAUSE YOU VIEWED X");
    }

    @Test
    void aBlockingInterceptorSuppressesTheTip() {
        Interceptor block = chain -> GenerationResponse.block(List.of());
        StylingTips tips = StylingTips.of("Try {name}", InterceptorChain.of(block));
        assertThat(tips.tipFor(rec, catalog)).isEmpty();
        assertThat(StylingTips.of("Try {item}", InterceptorChain.empty()).tipFor(rec, Catalog.empty()))
                .contains("Try sku-1");
        assertThatThrownBy(() -> StylingTips.of(" ", InterceptorChain.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
