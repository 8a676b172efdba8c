package io.retailgen.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every public recommendation call passes the interceptor chain exactly once, and the chain's verdict holds. */
class RecommenderInterceptorTest {

    private static RecommendModel model;
    private static Catalog catalog;

    @BeforeAll
    static void train() {
        model = Fixtures.tinyGru().build().train(Fixtures.ring(200, 20, 6, 3));
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(new CatalogItem("i" + i, "Item " + i, "c" + (i % 3), Map.of(), true, 1.0));
        }
        catalog = Catalog.of(items);
    }

    @Test
    void oneRecordPerPublicCallWithTheListAsText() throws Exception {
        List<GenerationRequest> seen = Collections.synchronizedList(new ArrayList<>());
        Interceptor recorder = chain -> {
            seen.add(chain.request());
            return chain.proceed(chain.request());
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Recommender rec = Recommender.builder().model(model).catalog(catalog).executor(pool)
                .interceptors(InterceptorChain.of(recorder)).build()) {
            rec.observe(Interaction.view("u", "i3", 1));
            rec.observe(Interaction.view("u", "i4", 2));
            assertThat(seen).isEmpty();                                  // observing generates nothing
            EventContext evening = new EventContext("mobile", 20, "en-GB");
            List<Recommendation> a = rec.recommend("u", 5, evening);
            List<Recommendation> b = rec.recommendFor(List.of("i7"), 3, EventContext.NONE);
            List<Recommendation> c = rec.recommendAsync("u", 4, EventContext.NONE).get(30, TimeUnit.SECONDS);
            List<Recommendation> cold = rec.recommend("nobody", 2, EventContext.NONE);
            assertThat(seen).hasSize(4);
            assertThat(seen).extracting(GenerationRequest::operation)
                    .containsExactly("recommend", "recommendFor", "recommend", "recommend");
            assertThat(seen).allSatisfy(r -> {
                assertThat(r.module()).isEqualTo("recommend");
                assertThat(r.modelName()).isEqualTo("recommend");
                assertThat(r.modelVersion()).isEqualTo(model.version());
            });
            List<List<Recommendation>> lists = List.of(a, b, c, cold);
            for (int i = 0; i < 4; i++) {
                assertThat(seen.get(i).text()).isEqualTo(lists.get(i).stream()
                        .map(r -> r.itemId() + ": " + r.explanation()).collect(Collectors.joining("\n")));
                assertThat(seen.get(i).attribute("k")).isEqualTo(String.valueOf(List.of(5, 3, 4, 2).get(i)));
            }
            assertThat(seen.get(0).attribute("sessionId")).isEqualTo("u");
            assertThat(seen.get(0).attribute("deviceType")).isEqualTo("mobile");
            assertThat(seen.get(0).attribute("hourOfDay")).isEqualTo("20");
            assertThat(seen.get(1).attribute("sessionId")).isNull();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void redactionRewritesTheExplanationsTheCallerSees() {
        Interceptor redact = chain -> {
            GenerationResponse r = chain.proceed(chain.request());
            return GenerationResponse.redact(r.text().replace("Item 3", "[redacted]"), List.of(
                    Finding.whole("names", "pii", Severity.LOW, "item name")));
        };
        try (Recommender rec = Recommender.builder().model(model).catalog(catalog)
                .interceptors(InterceptorChain.of(redact)).build()) {
            List<Recommendation> plain;
            try (Recommender unfiltered = Recommender.builder().model(model).catalog(catalog).build()) {
                plain = unfiltered.recommendFor(List.of("i3"), 5, EventContext.NONE);
            }
            assertThat(plain).anySatisfy(r -> assertThat(r.explanation()).contains("Item 3"));
            List<Recommendation> shown = rec.recommendFor(List.of("i3"), 5, EventContext.NONE);
            assertThat(shown).extracting(Recommendation::itemId)
                    .containsExactlyElementsOf(plain.stream().map(Recommendation::itemId).toList());
            assertThat(shown).noneSatisfy(r -> assertThat(r.explanation()).contains("Item 3"));
            assertThat(shown).anySatisfy(r -> assertThat(r.explanation()).contains("[redacted]"));
        }
    }

    @Test
    void aBlockBecomesAnExceptionNamingTheRule() {
        Interceptor block = chain -> GenerationResponse.block(List.of(
                Finding.whole("shop.no-recs-at-night", "schedule", Severity.HIGH, "closed")));
        try (Recommender rec = Recommender.builder().model(model).interceptors(InterceptorChain.of(block)).build()) {
            assertThatThrownBy(() -> rec.recommendFor(List.of("i3"), 5, EventContext.NONE))
                    .isInstanceOf(RetailGenException.class)
                    .hasMessageContaining("blocked by rule(s) shop.no-recs-at-night")
                    .satisfies(e -> assertThat(((RetailGenException) e).code()).isEqualTo(ErrorCode.GENERATION_BLOCKED));
        }
    }

    @Test
    void aRewriteThatLosesTheOneLinePerItemShapeIsRefused() {
        Interceptor squash = chain -> GenerationResponse.allow(chain.proceed(chain.request()).text()
                .replace("\n", " "));
        try (Recommender rec = Recommender.builder().model(model).interceptors(InterceptorChain.of(squash)).build()) {
            assertThatThrownBy(() -> rec.recommendFor(List.of("i3"), 5, EventContext.NONE))
                    .isInstanceOf(RetailGenException.class).hasMessageContaining("into 1 lines for 5 items");
        }
    }
}
