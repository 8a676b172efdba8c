package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.examples.TestShops;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorefrontMetricsTest {

    @Test
    void metricsShowTheRecommendTimerWithItsPercentilesAfterAFewRequests(@TempDir Path audit) throws Exception {
        try (StorefrontApp app = TestShops.app(audit).start()) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(app.uri().resolve("/api/product/sku-101"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            // a visitor with a session views two items: the recommender now holds that session's state
            Browser browser = new Browser(app.uri());
            for (String item : new String[] {"sku-101", "sku-102"}) {
                assertThat(browser.postJson("/api/product/" + item, "{\"session\": \"shopper-1\"}").statusCode())
                        .isEqualTo(200);
            }
            HttpResponse<String> m = client.send(HttpRequest.newBuilder(app.uri().resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(m.statusCode()).isEqualTo(200);
            assertThat(m.headers().firstValue("Content-Type")).hasValue(StorefrontApp.PROMETHEUS_TEXT);
            String text = m.body();
            assertThat(text).contains("# TYPE retailgen_generation_seconds histogram");
            assertThat(text.lines().filter(l -> l.startsWith("retailgen_generation_seconds_count{")
                    && l.contains("module=\"recommend\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                    .as(text).isGreaterThanOrEqualTo(4);
            for (String q : new String[] {"0.5", "0.95", "0.99"}) {
                assertThat(text.lines().anyMatch(l -> l.startsWith("retailgen_generation_percentile_seconds{")
                        && l.contains("module=\"recommend\"") && l.contains("quantile=\"" + q + "\""))).as(text).isTrue();
            }
            assertThat(text.lines().anyMatch(l -> l.startsWith("retailgen_generation_seconds_bucket{")
                    && l.contains("le=\"+Inf\"") && l.contains("module=\"recommend\""))).isTrue();
            assertThat(text).contains("retailgen_verdicts_total{").contains("retailgen_model_version{");
            // the recommender's session states, and the storefront's own visitor sessions (the browser's cookie)
            assertThat(text.lines().filter(l -> l.startsWith("retailgen_cache_size{") && l.contains("cache=\"sessions\"")
                    && l.contains("module=\"recommend\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                    .as(text).isGreaterThanOrEqualTo(1);
            assertThat(text.lines().anyMatch(l -> l.startsWith("retailgen_cache_size{")
                    && l.contains("cache=\"visitor-sessions\"") && !l.endsWith(" 0.0"))).as(text).isTrue();
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(app.uri().resolve("/metrics"))
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
            // the metrics are read-only: a state-changing method is refused (by the request guard or the route)
            assertThat(post.statusCode()).isBetween(400, 499);
            assertThat(post.body()).doesNotContain("retailgen_generation_seconds");
        }
    }
}
