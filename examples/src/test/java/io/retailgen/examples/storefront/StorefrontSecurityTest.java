package io.retailgen.examples.storefront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.examples.SigningKeys;
import io.retailgen.examples.TestShops;
import io.retailgen.governance.audit.AuditKeys;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.governance.audit.AuditVerification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorefrontSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StorefrontApp app;

    @BeforeAll
    static void start(@TempDir Path dir) throws IOException {
        app = TestShops.app(dir).start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A response read from a raw socket: the status code and the whole text. */
    private record Raw(int status, String text) {
    }

    /** Sends a request exactly as given (any Host header, any origin) and reads the answer to the end. */
    private static Raw raw(String request) throws IOException {
        try (Socket s = new Socket(app.uri().getHost(), app.port())) {
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).as(request).startsWith("HTTP/1.1 ");
            return new Raw(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static String host() {
        return "127.0.0.1:" + app.port();
    }

    private static String post(String path, String host, String headers, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String pendingAsset() {
        return app.studio().assets().stream().filter(a -> app.studio().status(a.assetId()).name().equals("PENDING"))
                .findFirst().orElseThrow().assetId();
    }

    private static void assertError(HttpResponse<String> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            assertThat(JSON.readTree(r.body()).path("error").path("code").asText()).isEqualTo(code);
        }
    }

    @Test
    void theAuditLogStillVerifiesAfterARestart(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("audit");
        Path key = dir.resolve("signing.key");
        try (StorefrontApp first = TestShops.app(dir).start()) {
            assertThat(new Browser(first.uri()).get("/product/sku-101").statusCode()).isEqualTo(200);
        }
        assertThat(key).exists();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(audit)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(SigningKeys.PUBLIC_FILE)
                    .noneMatch(n -> n.endsWith(".key"));
        }
        try (StorefrontApp second = TestShops.app(dir).start()) {
            Browser b = new Browser(second.uri());
            assertThat(b.get("/product/sku-102").statusCode()).isEqualTo(200);
            JsonNode v = JSON.readTree(b.get("/api/audit").body()).path("verification");
            assertThat(v.path("valid").asBoolean()).as(v.toString()).isTrue();
            assertThat(v.path("checkpoints").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(b.get("/audit").body()).contains("Hash chain verified");
        }
        AuditVerification v = AuditLog.verify(audit, AuditKeys.readPublicKey(audit.resolve(SigningKeys.PUBLIC_FILE)));
        assertThat(v.valid()).as(v.problems().toString()).isTrue();
        assertThat(v.records()).isGreaterThan(2 * ProductPage.K);

        Path other = dir.resolve("other.key");
        assertThatThrownBy(() -> TestShops.app(dir).signingKeyFile(other).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pinned to another signing key");
        assertThatThrownBy(() -> TestShops.app(dir).signingKeyFile(audit.resolve("inside.key")).start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be inside");
    }

    @Test
    void aCrossSitePostWithoutCookieOrTokenChangesNothing() throws Exception {
        String asset = pendingAsset();
        String form = "asset=" + asset + "&decision=approve&reviewer=maria&comment=pwned";
        String type = "Content-Type: application/x-www-form-urlencoded\r\n";
        Raw crossSite = raw(post("/creative-review/decide", host(), type + "Origin: http://evil.example\r\n", form));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.text()).contains("must come from this storefront");
        Raw nullOrigin = raw(post("/creative-review/decide", host(), type + "Origin: null\r\n", form));
        assertThat(nullOrigin.status()).isEqualTo(403);
        Raw badReferer = raw(post("/creative-review/decide", host(), type + "Referer: http://evil.example/x\r\n",
                form));
        assertThat(badReferer.status()).isEqualTo(403);
        Raw noCookie = raw(post("/creative-review/decide", host(), type, form));
        assertThat(noCookie.status()).isEqualTo(403);
        assertThat(noCookie.text()).contains("CSRF token");

        Browser shopper = new Browser(app.uri());
        assertError(shopper.postForm("/creative-review/decide", Map.of("asset", asset, "decision", "approve",
                "csrf", "wrong-token")), 403, "csrf_token_invalid");
        assertError(shopper.postForm("/creative-review/decide", Map.of("asset", asset, "decision", "approve")), 403,
                "not_signed_in");
        Browser maria = new Browser(app.uri());
        maria.signIn("maria", TestShops.REVIEWER_CODE);
        HttpResponse<String> noToken = maria.client.send(HttpRequest.newBuilder(app.uri()
                .resolve("/api/creative-review/" + asset)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\": \"approve\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertError(noToken, 403, "csrf_token_invalid");
        assertThat(app.studio().status(asset).name()).isEqualTo("PENDING");
    }

    @Test
    void theJsonApiReadsOnlyApplicationJson() throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(app.uri().resolve("/api/product/sku-101"))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"session\": \"abcdefgh12\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertError(r, 415, "unsupported_media_type");
        }
        Raw none = raw(post("/api/product/sku-101", host(), "", "{\"session\": \"abcdefgh12\"}"));
        assertThat(none.status()).isEqualTo(415);
        HttpResponse<String> ok = c.send(HttpRequest.newBuilder(app.uri().resolve("/api/product/sku-101"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"session\": \"abcdefgh12\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    }

    @Test
    void onlyTheServedHostNamesAreAnswered() throws Exception {
        String get = "GET /api/status HTTP/1.1\r\nConnection: close\r\nHost: ";
        assertThat(raw(get + host() + "\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw(get + "localhost:" + app.port() + "\r\n\r\n").status()).isEqualTo(200);
        assertThat(raw(get + "LOCALHOST:" + app.port() + "\r\n\r\n").status()).isEqualTo(200);
        Raw rebound = raw(get + "attacker.example:" + app.port() + "\r\n\r\n");
        assertThat(rebound.status()).isEqualTo(421);
        assertThat(rebound.text()).contains("misdirected_request").contains("attacker.example");
        assertThat(raw(get + "127.0.0.1:1\r\n\r\n").status()).isEqualTo(421);
        assertThat(raw(get + "127.0.0.1\r\n\r\n").status()).isEqualTo(421);
        assertThat(raw("GET / HTTP/1.1\r\nConnection: close\r\nHost: attacker.example:" + app.port() + "\r\n\r\n")
                .status()).isEqualTo(421);
        assertThat(raw("GET /api/status HTTP/1.0\r\n\r\n").status()).isEqualTo(400);
    }

    @Test
    void stalledConnectionsDoNotBlockOthersAndAreClosed() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            // more stalls than the old pool had threads: a normal request must still be answered at once
            for (int i = 0; i < 8; i++) {
                stalled.add(stall());
            }
            Thread.sleep(300);
            long t0 = System.nanoTime();
            assertThat(new Browser(app.uri()).get("/api/status").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));

            // more stalls than the pool has threads: the header timeout frees them
            for (int i = 0; i < StorefrontApp.THREADS; i++) {
                stalled.add(stall());
            }
            Thread.sleep(300);
            t0 = System.nanoTime();
            assertThat(new Browser(app.uri()).get("/api/status").statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .isLessThan(Duration.ofSeconds(StorefrontApp.HEADER_TIMEOUT_SECONDS + 15));
            Socket first = stalled.get(0);
            first.setSoTimeout((StorefrontApp.HEADER_TIMEOUT_SECONDS + 15) * 1000);
            try (InputStream in = first.getInputStream()) {
                assertThat(in.read()).as("the server closes a connection that never finishes its headers")
                        .isEqualTo(-1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stalled connection was still open after the header timeout", e);
            } catch (IOException reset) {
                // a reset is a close too
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    private static Socket stall() throws IOException {
        Socket s = new Socket(app.uri().getHost(), app.port());
        OutputStream out = s.getOutputStream();
        out.write("GET /api/status HT".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    @Test
    void theReviewerComesFromTheSignedInSessionOnly() throws Exception {
        Browser b = new Browser(app.uri());
        assertThat(b.get("/creative-review").body()).contains("Sign in as a reviewer")
                .doesNotContain("name=\"reviewer\"").doesNotContain("review-form");
        assertError(b.signIn("maria", "not-the-code"), 403, "sign_in_failed");
        assertError(b.signIn("nobody", TestShops.REVIEWER_CODE), 403, "sign_in_failed");
        String before = b.csrfToken();
        HttpResponse<String> in = b.signIn("maria", TestShops.REVIEWER_CODE);
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.headers().firstValue("Location")).hasValue("/creative-review");
        assertThat(b.csrfToken()).as("a sign-in starts a new session with a new token").isNotEqualTo(before);
        String page = b.get("/creative-review").body();
        assertThat(page).contains("Signed in as <span id=\"reviewer\">maria</span>").contains("name=\"csrf\"")
                .doesNotContain("name=\"reviewer\"");

        String asset = pendingAsset();
        assertError(b.postForm("/creative-review/decide", Map.of("asset", asset, "decision", "approve",
                "reviewer", "omar")), 400, "reviewer_mismatch");
        HttpResponse<String> ok = b.postForm("/creative-review/decide", Map.of("asset", asset, "decision", "reject",
                "comment", "off brand"));
        assertThat(ok.body()).contains("as maria");
        assertThat(app.studio().history(asset).get(app.studio().history(asset).size() - 1).reviewer())
                .isEqualTo("maria");

        assertThat(b.postForm("/sign-out", Map.of()).statusCode()).isEqualTo(303);
        assertError(b.postForm("/creative-review/decide", Map.of("asset", pendingAsset(), "decision", "approve")),
                403, "not_signed_in");
    }

    @Test
    void everyFormCarriesTheSessionToken() throws Exception {
        Browser b = new Browser(app.uri());
        b.signIn("store-reviewer", TestShops.REVIEWER_CODE);
        String token = b.csrfToken();
        for (String path : List.of("/", "/creative-review", "/sign-in", "/audit", "/planner", "/product/sku-101")) {
            String html = b.get(path).body();
            int forms = html.split("method=\"post\"", -1).length - 1;
            int tokens = html.split("name=\"csrf\" value=\"" + token + "\"", -1).length - 1;
            assertThat(tokens).as(path).isEqualTo(forms);
        }
    }
}
