package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.examples.TestShops;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.testing.SharedData;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorefrontHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StorefrontApp app;

    @BeforeAll
    static void start(@TempDir Path audit) throws IOException {
        app = StorefrontApp.builder().port(0).shop(TestShops.shop()).model(TestShops.model())
                .auditDirectory(audit).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpClient browserLike() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.uri().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(app.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void homePageListsPopularProductsAndSetsASessionCookie() throws Exception {
        HttpResponse<String> r = get(HttpClient.newHttpClient(), "/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Set-Cookie")).hasValueSatisfying(c ->
                assertThat(c).startsWith("rg_session=").contains("HttpOnly"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(c ->
                assertThat(c).contains("default-src 'none'"));
        String first = TestShops.shop().featured().get(0);
        assertThat(r.body()).contains(Html.escape(TestShops.shop().displayName(first)))
                .contains("href=\"/product/" + first + "\"")
                .doesNotContain("http://", "https://");
    }

    @Test
    void viewingProductsUpdatesRecommendationsAndEveryReasonIsAudited() throws Exception {
        HttpClient client = browserLike();
        String first = "sku-101";
        HttpResponse<String> page = get(client, "/product/" + first);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1 id=\"product-name\">Trail Runner</h1>").contains("Next for you");

        JsonNode before = json(get(client, "/api/product/" + first + "?k=5"));
        assertThat(before.path("viewRecorded").asBoolean()).isFalse();
        JsonNode recs = before.path("recommendations");
        assertThat(recs.size()).isBetween(1, 5);
        String next = recs.get(0).path("itemId").asText();
        assertThat(next).isNotEqualTo(first);

        JsonNode after = json(post(client, "/api/product/" + next, "{\"k\": 5}"));
        assertThat(after.path("viewRecorded").asBoolean()).isTrue();
        assertThat(after.path("item").path("itemId").asText()).isEqualTo(next);
        List<String> reasons = new ArrayList<>();
        after.path("recommendations").forEach(n -> reasons.add(n.path("reason").asText()));
        assertThat(after.path("recommendations").toString()).isNotEqualTo(recs.toString());
        assertThat(reasons).allSatisfy(s -> assertThat(s).isNotBlank());
        assertThat(reasons).anySatisfy(s -> assertThat(s).containsAnyOf(
                TestShops.shop().displayName(next), TestShops.shop().displayName(first), "earlier"));

        JsonNode audit = json(get(client, "/api/audit?limit=1000"));
        assertThat(audit.path("verification").path("valid").asBoolean()).isTrue();
        List<String> ids = new ArrayList<>();
        audit.path("records").forEach(n -> ids.add(n.path("text").asText()));
        assertThat(ids).containsAll(reasons);
        HttpResponse<String> auditPage = get(client, "/audit");
        assertThat(auditPage.body()).contains("Hash chain verified").contains(Html.escape(reasons.get(0)));
    }

    @Test
    void anonymousApiCallsGetItemsViewedWithThisOne() throws Exception {
        JsonNode r = json(get(HttpClient.newHttpClient(), "/api/product/sku-101"));
        assertThat(r.path("item").path("name").asText()).isEqualTo("Trail Runner");
        assertThat(r.path("recommendations").size()).isEqualTo(ProductPage.K);
        r.path("recommendations").forEach(n -> {
            assertThat(n.path("itemId").asText()).isNotEqualTo("sku-101");
            assertThat(n.path("verdict").asText()).isEqualTo("ALLOW");
            assertThat(n.path("auditRequestId").asText()).isNotBlank();
        });
    }

    @Test
    void badInputGivesClearJsonErrors() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        assertError(get(c, "/api/product/sku-999"), 404, "unknown_item");
        assertError(get(c, "/api/product/bad%20id"), 400, "invalid_item_id");
        assertError(get(c, "/api/product/"), 400, "missing_item_id");
        assertError(get(c, "/api/product/sku-101/extra"), 404, "not_found");
        assertError(get(c, "/api/product/sku-101?k=0"), 400, "invalid_k");
        assertError(get(c, "/api/product/sku-101?k=21"), 400, "invalid_k");
        assertError(get(c, "/api/product/sku-101?k=ten"), 400, "invalid_k");
        assertError(get(c, "/api/product/sku-101?session=x"), 400, "invalid_session_id");
        assertError(post(c, "/api/product/sku-101", "{\"k\": 3}"), 400, "missing_session");
        assertError(post(c, "/api/product/sku-101", "{not json"), 400, "invalid_json");
        assertError(post(c, "/api/product/sku-101", "[1,2]"), 400, "invalid_json");
        assertError(post(c, "/api/product/sku-101", "{\"session\": 42}"), 400, "invalid_session_id");
        assertError(post(c, "/api/audit", "{}"), 405, "method_not_allowed");
        assertError(get(c, "/api/audit?limit=0"), 400, "invalid_limit");
        assertError(get(c, "/api/nowhere"), 404, "not_found");
        JsonNode err = json(get(c, "/api/product/sku-999")).path("error");
        assertThat(err.path("message").asText()).contains("unknown item id").contains("48 items");
        assertThat(err.path("value").asText()).isEqualTo("sku-999");
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode e = json(r).path("error");
        assertThat(e.path("status").asInt()).isEqualTo(status);
        assertThat(e.path("code").asText()).isEqualTo(code);
        assertThat(e.path("message").asText()).isNotBlank();
    }

    @Test
    void errorPagesShowTheBadValueAsText() throws Exception {
        HttpResponse<String> r = get(HttpClient.newHttpClient(), "/product/" + enc("<img src=x onerror=alert(1)>"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void plannerAndCreativeReviewSayTheirModuleIsNotInstalled() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        for (String[] slot : new String[][] {{"planner", "sdk-forecast"}, {"creative-review", "sdk-imagegen"}}) {
            HttpResponse<String> page = get(c, "/" + slot[0]);
            assertThat(page.statusCode()).isEqualTo(501);
            assertThat(page.body()).contains("Module not installed").contains("io.retailgen:" + slot[1]);
            JsonNode err = json(get(c, "/api/" + slot[0])).path("error");
            assertThat(err.path("code").asText()).isEqualTo("module_not_installed");
            assertThat(err.path("module").asText()).isEqualTo("io.retailgen:" + slot[1]);
        }
        JsonNode status = json(get(c, "/api/status"));
        assertThat(status.path("pages").path("planner").path("installed").asBoolean()).as(status.toString()).isFalse();
        assertThat(status.path("pages").path("product").path("installed").asBoolean()).as(status.toString()).isTrue();
        assertThat(status.path("modelVersion").asText()).isEqualTo(TestShops.model().version());
    }

    @Test
    void hostileStringsNeverBreakTheServer() throws Exception {
        Path blns = SharedData.require("text/blns.json");
        List<String> strings = new ArrayList<>();
        JSON.readTree(blns.toFile()).forEach(n -> strings.add(n.asText()));
        assertThat(strings).hasSizeGreaterThan(400);
        HttpClient c = HttpClient.newHttpClient();
        for (String s : strings) {
            HttpResponse<String> api = get(c, "/api/product/" + enc(s));
            assertThat(api.statusCode()).as("item %s", s).isIn(400, 404);
            assertThat(json(api).path("error").path("code").asText()).isNotBlank();

            HttpResponse<String> page = get(c, "/product/" + enc(s));
            assertThat(page.statusCode()).as("page %s", s).isIn(400, 404);
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("<img").doesNotContain("onerror=\"");

            HttpResponse<String> session = get(c, "/api/product/sku-101?session=" + enc(s));
            assertThat(session.statusCode()).as("session %s", s).isIn(200, 400);

            HttpResponse<String> body = post(c, "/api/product/sku-101",
                    JSON.writeValueAsString(Map.of("session", s)));
            assertThat(body.statusCode()).as("body session %s", s).isIn(200, 400);
            json(body);
        }
    }

    @Test
    void blockedExplanationsAreReplacedAndAuditedAsBlocked(@TempDir Path audit) throws Exception {
        ContentPolicy blockAll = ContentPolicy.builder()
                .check(text -> List.of(Finding.whole("test.block-all", "test", Severity.HIGH, "blocked by test")))
                .build();
        try (StorefrontApp strict = StorefrontApp.builder().port(0).shop(TestShops.shop())
                .model(TestShops.model()).auditDirectory(audit).policy(blockAll).start()) {
            HttpClient c = HttpClient.newHttpClient();
            HttpResponse<String> page = c.send(HttpRequest.newBuilder(strict.uri().resolve("/product/sku-101"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains(ShopService.FALLBACK_REASON).doesNotContain("Because you viewed");
            JsonNode records = JSON.readTree(c.send(HttpRequest.newBuilder(strict.uri().resolve("/api/audit"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("records");
            assertThat(records.size()).isEqualTo(ProductPage.K);
            records.forEach(n -> {
                assertThat(n.path("verdict").asText()).isEqualTo("BLOCK");
                assertThat(n.path("rules").toString()).contains("test.block-all");
            });
        }
    }

    @Test
    void aRegisteredPageReplacesItsPlaceholder(@TempDir Path audit) throws Exception {
        StorefrontPage planner = new StorefrontPage() {
            @Override
            public String path() {
                return "planner";
            }

            @Override
            public String title() {
                return "Planner";
            }

            @Override
            public PageResponse page(PageRequest request) {
                return PageResponse.html(200, "Planner", "<p id=\"plan\">" + Html.escape("P&L <ok>") + "</p>");
            }

            @Override
            public PageResponse api(PageRequest request) {
                return PageResponse.json(200, Map.of("segments", request.segments()));
            }
        };
        try (StorefrontApp custom = StorefrontApp.builder().port(0).shop(TestShops.shop())
                .model(TestShops.model()).auditDirectory(audit).page(planner).start()) {
            HttpClient c = HttpClient.newHttpClient();
            String html = c.send(HttpRequest.newBuilder(custom.uri().resolve("/planner")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(html).contains("<p id=\"plan\">P&amp;L &lt;ok&gt;</p>").doesNotContain("Module not installed");
            String json = c.send(HttpRequest.newBuilder(custom.uri().resolve("/api/planner/a/b")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(JSON.readTree(json).path("segments").toString()).isEqualTo("[\"a\",\"b\"]");
        }
    }
}
