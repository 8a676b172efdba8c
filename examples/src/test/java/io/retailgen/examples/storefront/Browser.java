package io.retailgen.examples.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves like a browser on the storefront's own pages: it keeps the session cookie, sends the
 * session's CSRF token with forms and JSON posts, and an {@code Origin} header of the storefront itself.
 */
final class Browser {

    private static final ObjectMapper JSON = new ObjectMapper();

    final URI base;
    final HttpClient client;

    Browser(URI base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return the CSRF token of this client's session (starting one when it has none) */
    String csrfToken() throws IOException, InterruptedException {
        return JSON.readTree(get("/api/session").body()).path("csrfToken").asText();
    }

    /** Posts JSON with the session's token in {@code X-CSRF-Token}. */
    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/json")
                .header("X-CSRF-Token", csrfToken()).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the session's token in the field {@code csrf}, as the storefront's own forms do. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("csrf", csrfToken());
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the sign-in form; the server answers 303 and a new session cookie. */
    HttpResponse<String> signIn(String name, String code) throws IOException, InterruptedException {
        return postForm("/sign-in", Map.of("name", name, "code", code));
    }

    private HttpRequest.Builder request(String path) {
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).header("Origin", origin);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
