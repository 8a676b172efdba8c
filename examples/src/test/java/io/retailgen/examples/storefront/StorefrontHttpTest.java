package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.Severity;
import io.retailgen.examples.TestShops;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorefrontHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StorefrontApp app;

    @BeforeAll
    static void start(@TempDir Path audit) throws IOException {
        app = TestShops.app(audit).start();
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
    void withoutTheLumaCatalogTheShopIsTheGeneratedOneWithNoPhotoPage() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        assertThat(json(get(c, "/api/status")).path("catalog").asText()).isEqualTo("generated");
        assertThat(get(c, "/photo/sku-101/0.jpg").statusCode()).isEqualTo(404);
        assertThat(get(c, "/").body()).doesNotContain("<img").doesNotContain("catalog-note");
        assertThat(json(get(c, "/api/product/sku-101")).path("item").has("photo")).isFalse();
        assertThat(app.luma()).isEmpty();
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
        Browser browser = new Browser(app.uri());
        HttpClient client = browser.client;
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

        JsonNode after = json(browser.postJson("/api/product/" + next, "{\"k\": 5}"));
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
    void plannerShowsForecastWhatIfAndSafetyStockAndValidatesItsInputs() throws Exception {
        HttpClient c = browserLike();
        HttpResponse<String> page = get(c, "/planner?discount=30&lead=3&service=90");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"fan-chart\"").contains("/planner/fan-chart.png?discount=30&amp;lead=3")
                .contains("A 30% discount over the next 12 months changes expected demand by")
                .contains("Safety stock for a lead time of 3 months at a 90% cycle service level")
                .contains(TestShops.planner().data().focus().id());

        HttpResponse<byte[]> png = c.send(HttpRequest.newBuilder(app.uri().resolve("/planner/fan-chart.png?discount=30"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(chart.getWidth()).isEqualTo(900);
        assertThat(chart.getHeight()).isEqualTo(420);

        JsonNode api = json(get(c, "/api/planner?discount=30&lead=3&service=90"));
        double ss = api.path("inventory").path("safetyStock").asDouble();
        assertThat(ss).isEqualTo(TestShops.planner().inventory(3, 0.90).safetyStock());
        assertThat(api.path("mean").size()).isEqualTo(12);
        assertThat(api.path("whatIf").path("available").asBoolean()).isTrue();
        double lift = api.path("whatIf").path("lift").asDouble();
        assertThat(lift).isEqualTo(TestShops.planner().whatIf(0.3).orElseThrow().lift());
        assertThat(json(get(c, "/api/planner?discount=0")).path("whatIf").path("lift").asDouble()).isZero();
        // a higher service level never needs less safety stock
        assertThat(json(get(c, "/api/planner?lead=3&service=99")).path("inventory").path("safetyStock").asDouble())
                .isGreaterThanOrEqualTo(ss);

        assertError(get(c, "/api/planner?discount=75"), 400, "invalid_discount");
        assertError(get(c, "/api/planner?discount=abc"), 400, "invalid_discount");
        assertError(get(c, "/api/planner?discount=NaN"), 400, "invalid_discount");
        assertError(get(c, "/api/planner?lead=0"), 400, "invalid_lead_time");
        assertError(get(c, "/api/planner?lead=2.5"), 400, "invalid_lead_time");
        assertError(get(c, "/api/planner?service=100"), 400, "invalid_service_level");
        HttpResponse<String> bad = get(c, "/planner?discount=%3Cb%3E");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("&lt;b&gt;").doesNotContain("<b>");
        assertThat(get(c, "/planner/other").statusCode()).isEqualTo(404);
    }

    @Test
    void creativeReviewDecisionsGoToTheQueueAndTheAuditLog() throws Exception {
        HttpClient c = browserLike();
        JsonNode assets = json(get(c, "/api/creative-review")).path("assets");
        assertThat(assets.size()).isEqualTo(6);
        String first = assets.get(0).path("assetId").asText();
        String second = assets.get(1).path("assetId").asText();
        assertThat(assets.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(get(c, "/creative-review").body()).contains("6 generated images").contains(first);

        HttpResponse<byte[]> png = c.send(HttpRequest.newBuilder(app.uri().resolve("/creative-review/asset/" + first
                + ".png")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(png.body()))).isNotNull();

        Browser maria = new Browser(app.uri());
        assertThat(maria.signIn("maria", TestShops.REVIEWER_CODE).statusCode()).isEqualTo(303);
        HttpResponse<String> approved = maria.postForm("/creative-review/decide", Map.of("asset", first,
                "decision", "approve", "comment", "on brand"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("Approved the").contains("as maria");
        assertThat(app.studio().status(first).name()).isEqualTo("APPROVED");

        JsonNode rejected = json(maria.postJson("/api/creative-review/" + second,
                "{\"decision\": \"reject\", \"comment\": \"too dark\"}"));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reviewer").asText()).isEqualTo("maria");

        assertError(maria.postJson("/api/creative-review/" + first, "{\"decision\": \"reject\"}"), 409,
                "already_decided");
        String third = assets.get(2).path("assetId").asText();
        assertError(maria.postJson("/api/creative-review/" + third, "{\"decision\": \"maybe\"}"), 400,
                "invalid_decision");
        assertError(maria.postJson("/api/creative-review/" + third, "{\"decision\": \"approve\", "
                + "\"reviewer\": \"omar\"}"), 400, "reviewer_mismatch");
        assertError(maria.postJson("/api/creative-review/" + third, "{\"decision\": \"approve\", "
                + "\"comment\": \"" + "a".repeat(201) + "\"}"), 400, "invalid_comment");
        assertError(maria.postJson("/api/creative-review/" + "0".repeat(64), "{}"), 404, "unknown_asset");
        assertError(get(c, "/api/creative-review/not-an-id"), 400, "invalid_asset_id");
        assertThat(app.studio().status(third).name()).isEqualTo("PENDING");

        JsonNode records = json(get(c, "/api/audit?limit=200")).path("records");
        List<String> decisions = new ArrayList<>();
        List<String> banners = new ArrayList<>();
        List<String> generated = new ArrayList<>();
        records.forEach(n -> {
            if (n.path("type").asText().equals("review")) {
                decisions.add(n.path("operation").asText() + ":" + n.path("verdict").asText() + ":" + n.path("text")
                        .asText());
            }
            if (n.path("module").asText().equals("imagegen") && n.path("operation").asText().equals("render")) {
                banners.add(n.path("text").asText());
            }
            if (n.path("module").asText().equals("imagegen") && n.path("operation").asText().equals("generate")) {
                generated.add(n.path("text").asText());
            }
        });
        assertThat(decisions).contains("review.approve:APPROVED:on brand", "review.reject:REJECTED:too dark")
                .hasSize(2);
        // each of the 6 assets: one generation and one finished asset with its banner through the chain
        assertThat(banners).hasSize(6).allMatch(t -> !t.isBlank());
        assertThat(generated).hasSize(6);
        assertThat(json(get(c, "/api/audit")).path("verification").path("valid").asBoolean()).isTrue();
    }

    @Test
    void aModuleNotInstalledPageCanStillBeRegistered(@TempDir Path audit) throws Exception {
        try (StorefrontApp bare = TestShops.app(audit).page(ModuleNotInstalledPage.planner()).start()) {
            HttpClient c = HttpClient.newHttpClient();
            HttpResponse<String> page = c.send(HttpRequest.newBuilder(bare.uri().resolve("/planner")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(501);
            assertThat(page.body()).contains("io.retailgen:sdk-forecast is on the class path");
            JsonNode err = JSON.readTree(c.send(HttpRequest.newBuilder(bare.uri().resolve("/api/planner")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("error");
            assertThat(err.path("code").asText()).isEqualTo("module_not_installed");
            JsonNode status = JSON.readTree(c.send(HttpRequest.newBuilder(bare.uri().resolve("/api/status")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(status.path("pages").path("planner").path("installed").asBoolean()).isFalse();
            assertThat(status.path("pages").path("creative-review").path("installed").asBoolean()).isTrue();
        }
        JsonNode status = json(get(HttpClient.newHttpClient(), "/api/status"));
        assertThat(status.path("pages").path("planner").path("installed").asBoolean()).as(status.toString()).isTrue();
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
        try (StorefrontApp strict = TestShops.app(audit).policy(blockAll).start()) {
            HttpClient c = HttpClient.newHttpClient();
            HttpResponse<String> page = c.send(HttpRequest.newBuilder(strict.uri().resolve("/product/sku-101"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains(ShopService.FALLBACK_REASON).doesNotContain("Because you viewed");
            JsonNode records = JSON.readTree(c.send(HttpRequest.newBuilder(strict.uri().resolve("/api/audit"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("records");
            List<JsonNode> explanations = new ArrayList<>();
            records.forEach(n -> {
                if (n.path("module").asText().equals("recommend")) {
                    explanations.add(n);
                }
            });
            assertThat(explanations).hasSize(ProductPage.K);
            // every record with text but the signed checkpoint that verifying the live log writes (generated images,
            // and the assets re-rendered without their blocked banners, carry no text for the policy to refuse)
            records.forEach(n -> {
                if (!n.path("type").asText().equals("checkpoint") && !n.path("text").asText().isEmpty()) {
                    assertThat(n.path("verdict").asText()).as(n.toString()).isEqualTo("BLOCK");
                    assertThat(n.path("rules").toString()).contains("test.block-all");
                }
            });
            assertThat(records.get(0).path("type").asText()).isEqualTo("checkpoint");
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
        try (StorefrontApp custom = TestShops.app(audit).page(planner).start()) {
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
