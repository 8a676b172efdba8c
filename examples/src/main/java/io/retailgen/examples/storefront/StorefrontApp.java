package io.retailgen.examples.storefront;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.metrics.ServingMetrics;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataIssue;
import io.retailgen.datasets.LumaCatalog;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.core.train.TrainingListener;
import io.retailgen.core.util.JsonText;
import io.retailgen.examples.CreativeStudio;
import io.retailgen.examples.Governance;
import io.retailgen.examples.ImageSetup;
import io.retailgen.examples.LumaStore;
import io.retailgen.examples.Planner;
import io.retailgen.examples.PlanningData;
import io.retailgen.examples.RecommendSetup;
import io.retailgen.examples.SampleShop;
import io.retailgen.examples.ShopData;
import io.retailgen.examples.SigningKeys;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommender;
import io.retailgen.recommend.RecommendTrainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storefront sample: an embedded HTTP server (the JDK's {@code com.sun.net.httpserver}) with a product page
 * that shows "Next for you" recommendations and their reasons, a planner page (sdk-forecast: fan chart, discount
 * what-if, safety stock), a creative-review page (sdk-imagegen: colourway variants of real photos and, as an
 * experiment, GAN images, to approve or reject) and an audit page; each page has a JSON endpoint under {@code /api/},
 * and {@code /api/status} describes the model and which pages are installed.
 * When the Luma catalog ({@value LumaStore#SHARED_LUMA} below the shared data folder) is present, the shop IS that
 * catalog: product names, prices, copy, photos (served 400 px wide at {@code /photo/<style>/<n>.jpg}) and reviews,
 * with shopping sessions generated over its categories, and the creative-review page shows colourway variants of its
 * photos ({@link Builder#colourways(int)}) and one of them on the brand guide's background.
 * At start it trains what it was not given: a small recommender on the Luma sessions, else on the shared YooChoose
 * sample when present, else on a generated shop; an image model (time-boxed) on Fashion-MNIST or generated
 * silhouettes; a planner on
 * aus-retail or generated series; with progress bars on standard error. Every explanation and banner passes the
 * content policy and lands in the audit log, and so does every review decision.
 *
 * <p>Security (see {@code docs/security.md}): the audit log is signed with a key kept outside the log directory
 * ({@link Builder#signingKeyFile(Path)}) whose public key is written beside the log, so the log verifies across
 * restarts; only requests whose {@code Host} names this server are served; every state-changing request must come
 * from the storefront's own pages ({@code Origin}/{@code Referer}), carry its media type ({@code application/json}
 * on the API, a form otherwise) and its session's CSRF token; reviewers sign in with a code and decisions carry the
 * session's reviewer; request headers must arrive within 10 s, and a bounded pool of 16 threads serves requests.
 *
 * <pre>{@code
 * try (StorefrontApp app = StorefrontApp.builder().port(0).sharedData(Path.of("../shared/data")).start()) {
 *     System.out.println("open " + app.uri());
 * }
 * }</pre>
 *
 * <p>Run it with {@code java -jar examples/target/retailgen-examples.jar storefront [--port 8080]
 * [--data ../shared/data] [--audit-dir DIR] [--signing-key FILE] [--reviewer NAME] [--allowed-host NAME]
 * [--epochs N] [--image-seconds 45] [--sample]}. Thread-safe;
 * {@link #close()} is idempotent.
 */
public final class StorefrontApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorefrontApp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COOKIE = "rg_session";
    private static final Pattern PAGE_PATH = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_BODY = 64 * 1024;
    private static final Set<String> RESERVED = Set.of("api", "status", "session", "sign-in", "sign-out");
    private static final String CSRF_HEADER = "X-CSRF-Token";
    /** The brand guide's palette colour the background variant starts from (its light tint). */
    static final int BACKGROUND_PALETTE = 2;
    /** Server threads: a bounded pool, large enough that a few stalled clients leave most of it free. */
    static final int THREADS = 16;
    /** A client must send its request line and headers within this time, or its connection is closed. */
    static final int HEADER_TIMEOUT_SECONDS = 10;
    /** A response must be written within this time, or the connection is closed (a client that stops reading). */
    static final int RESPONSE_TIMEOUT_SECONDS = 60;
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add about 40 ms to small responses
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        // the JDK server reads a request's headers on a pool thread and, by default, waits for them forever, so a
        // few clients that send half a request line hold every thread; these limits make it close such connections.
        // They are read once per JVM, when the server classes load: an operator's own -D settings win.
        setIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(HEADER_TIMEOUT_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_TIMEOUT_SECONDS));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final ShopService service;
    private final LumaStore luma;
    private final Planner planner;
    private final boolean ownsPlanner;
    private final CreativeStudio studio;
    private final Map<String, StorefrontPage> pages;
    private final HttpServer server;
    /** The serving metrics scraped at {@code /metrics} (Prometheus text format). */
    private final PrometheusMeterRegistry metricsRegistry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ServingMetrics metrics = ServingMetrics.of(metricsRegistry);
    private final ExecutorService executor;
    private final boolean ownsAuditDirectory;
    private final Sessions sessions = new Sessions();
    private final Reviewers reviewers;
    private final RequestGuard guard;
    private final Object closeLock = new Object();
    private boolean closed;

    private StorefrontApp(Builder b) throws IOException {
        this.luma = b.luma != null ? b.luma : b.shop == null ? LumaStore.find(b.sharedData).orElse(null) : null;
        ShopData shop = b.shop != null ? b.shop : luma != null ? luma.shop(42, SampleShop.DEFAULT_SESSIONS)
                : ShopData.sharedOrSample(b.sharedData, 42);
        TrainingListener listener = b.listener != null ? b.listener : ConsoleProgressBar.create();
        RecommendModel model = b.model != null ? b.model : RecommendSetup.train(shop, b.trainer, listener);
        Path auditDir = b.auditDirectory;
        this.ownsAuditDirectory = auditDir == null;
        if (auditDir == null) {
            auditDir = Files.createTempDirectory("retailgen-storefront-audit-");
        }
        ImageSetup.Model imageModel = b.imageModel != null ? b.imageModel
                : ImageSetup.train(ImageSetup.sharedOrSample(b.sharedData, 12_000, 42), b.imageTraining, 42, listener);
        this.ownsPlanner = b.planner == null;
        this.planner = b.planner != null ? b.planner : Planner.build(PlanningData.sharedOrSample(b.sharedData, 42),
                Planner.Options.defaults(), listener);
        this.reviewers = new Reviewers(b.reviewers);
        Path keyFile = b.signingKeyFile != null ? b.signingKeyFile : SigningKeys.defaultKeyFile();
        Governance governance = Governance.open(auditDir, b.policy, SigningKeys.loadOrCreate(keyFile, auditDir));
        Recommender recommender;
        CreativeStudio creative = null;
        try {
            recommender = RecommendSetup.serve(model, shop, InterceptorChain.of(metrics));
            try {
                Path assets = b.assetDirectory != null ? b.assetDirectory
                        : Files.createTempDirectory("retailgen-storefront-assets-");
                creative = CreativeStudio.open(imageModel, assets, governance);
                if (luma != null) {
                    recolourFeatured(creative, shop, b.colourways);
                }
                creative.generate(creative.defaultBriefs(b.images), 1);
            } catch (IOException | RuntimeException e) {
                recommender.close();
                if (creative != null) {
                    creative.close();
                }
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            governance.close();
            if (ownsPlanner) {
                planner.close();
            }
            throw e;
        }
        this.studio = creative;
        this.service = new ShopService(shop, model, recommender, governance);
        metrics.cacheSize("recommend", "sessions", recommender::sessionsHeld);
        metrics.cacheSize("storefront", "visitor-sessions", sessions::size);
        Map<String, StorefrontPage> p = new LinkedHashMap<>();
        p.put("product", new ProductPage(service, luma));
        p.put("audit", new AuditPage(governance));
        p.put("planner", new PlannerPage(planner));
        p.put("creative-review", new CreativeReviewPage(studio, luma));
        if (luma != null) {
            p.put("photo", new PhotoPage(luma));
        }
        for (StorefrontPage extra : b.pages) {
            p.put(extra.path(), extra);
        }
        this.pages = Map.copyOf(p);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "storefront-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.address, b.port), 64);
        } catch (IOException e) {
            recommender.close();
            studio.close();
            governance.close();
            if (ownsPlanner) {
                planner.close();
            }
            executor.shutdown();
            throw e;
        }
        this.guard = new RequestGuard(hostNames(b), server.getAddress().getPort());
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("storefront listening on {} (model {}, data {}, audit log {}, signing key {}; answers to {})",
                uri(), model.version(), shop.source(), auditDir, keyFile, guard.served());
    }

    /**
     * Colourway variants of the featured products (then the rest of the catalog) and one background variant (the
     * first featured product's main photo on the brand background) for the review page; a photo that cannot be used
     * is logged and skipped.
     */
    private void recolourFeatured(CreativeStudio creative, ShopData shop, int count) {
        List<String> order = new ArrayList<>(shop.featured());
        luma.catalog().products().forEach(pr -> {
            if (!order.contains(pr.style())) {
                order.add(pr.style());
            }
        });
        for (LumaStore.ColourwayPair pair : luma.colourwayPairs(order, count)) {
            try {
                CreativeStudio.Asset a = creative.recolour(pair);
                LOG.info("colourway variant: {} ({}, {} in {} s)", a.categoryName(), a.photoVariant().swatch(),
                        String.format(Locale.ROOT, "%.0f%% of the pixels", 100 * a.photoVariant().maskShare()),
                        String.format(Locale.ROOT, "%.2f", a.photoVariant().seconds()));
            } catch (RetailGenException e) {
                LOG.warn("no colourway variant of {} ({}): {}", pair.product().style(), pair.source().file(),
                        e.getMessage());
            }
        }
        for (String style : shop.featured()) {
            Optional<LumaCatalog.Photo> photo = luma.mainPhoto(style);
            if (photo.isPresent()) {
                try {
                    CreativeStudio.Asset a = creative.background(luma.product(style), photo.get(), BACKGROUND_PALETTE);
                    LOG.info("background variant: {} ({} s)", a.categoryName(),
                            String.format(Locale.ROOT, "%.2f", a.photoVariant().seconds()));
                } catch (RetailGenException | IllegalArgumentException e) {
                    LOG.warn("no background variant of {} ({}): {}", style, photo.get().file(), e.getMessage());
                }
                return;
            }
        }
    }

    private static Set<String> hostNames(Builder b) {
        Set<String> names = new LinkedHashSet<>();
        String bound = b.address.getHostAddress();
        int scope = bound.indexOf('%');
        if (scope >= 0) {
            bound = bound.substring(0, scope);
        }
        names.add(bound.contains(":") ? "[" + bound + "]" : bound);
        names.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        names.addAll(b.allowedHosts);
        return names;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the base address, such as {@code http://127.0.0.1:8080/} */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    /** @return the trained model the app serves */
    public RecommendModel model() {
        return service.model;
    }

    /** @return the data the model was trained on */
    public ShopData shop() {
        return service.shop;
    }

    /** @return the Luma catalog the shop shows, when the storefront runs on it */
    public Optional<LumaStore> luma() {
        return Optional.ofNullable(luma);
    }

    /** @return the planner behind the planner page */
    public Planner planner() {
        return planner;
    }

    /** @return the creative studio behind the creative-review page */
    public CreativeStudio studio() {
        return studio;
    }

    /** @return the audit log directory */
    public Path auditDirectory() {
        return service.governance.directory();
    }

    /** Stops the server, closes the recommender and the audit log (with a final signed checkpoint). Idempotent. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        server.stop(0);
        executor.shutdown();
        service.recommender.close();
        studio.close();
        service.governance.close();
        if (ownsPlanner) {
            planner.close();
        }
        if (ownsAuditDirectory) {
            LOG.info("audit log kept in {}", service.governance.directory());
        }
    }

    /** The path of the Prometheus scrape endpoint. */
    static final String METRICS = "metrics";
    /** The media type of the Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private void handle(HttpExchange ex) {
        boolean api = false;
        Sessions.Session session = null;
        try {
            List<String> segments = segments(ex.getRequestURI().getRawPath());
            api = !segments.isEmpty() && segments.get(0).equals("api");
            if (api) {
                segments = segments.subList(1, segments.size());
            }
            Headers headers = ex.getRequestHeaders();
            guard.checkHost(headers.getFirst("Host"));
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            session = sessions.find(cookieSession(ex));
            boolean wantsSession = !api || segments.equals(List.of("session"));
            if (session == null && wantsSession) {
                session = sessions.create();
                setCookie(ex, session);
            }
            String body = body(ex);
            if (!method.equals("GET") && !method.equals("HEAD")) {
                checkStateChange(headers, api, body, session);
            }
            Map<String, String> query = query(ex.getRequestURI().getRawQuery());
            PageResponse response;
            if (segments.isEmpty() || (api && (segments.equals(List.of("status"))
                    || segments.equals(List.of("session"))))) {
                if (!method.equals("GET")) {
                    throw new PageException(405, "method_not_allowed", "method " + method
                            + " is not allowed here; allowed: GET", null);
                }
                response = !api ? home() : segments.equals(List.of("status")) ? status() : sessionJson(session);
            } else if (!api && segments.equals(List.of(METRICS))) {
                if (!method.equals("GET")) {
                    throw new PageException(405, "method_not_allowed", "method " + method
                            + " is not allowed here; allowed: GET", null);
                }
                response = new PageResponse(200, null, null, null, PROMETHEUS_TEXT,
                        metricsRegistry.scrape().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (!api && segments.size() == 1 && SignInPage.PATHS.contains(segments.get(0))) {
                session = signIn(ex, segments.get(0), method, query(body), session);
                if (session == null) {
                    return;
                }
                response = SignInPage.form(session.reviewer, session.csrfToken, reviewers.names());
            } else {
                StorefrontPage page = pages.get(segments.get(0));
                if (page == null) {
                    throw PageException.notFound("not_found", "no such page; pages: " + String.join(", ",
                            pages.keySet().stream().sorted().toList()), String.join("/", segments));
                }
                PageRequest request = new PageRequest(method, api, segments.subList(1, segments.size()), query,
                        body, session == null ? null : session.id, session == null ? null : session.reviewer,
                        session == null ? null : session.csrfToken);
                response = api ? page.api(request) : page.page(request);
            }
            send(ex, response, session);
        } catch (PageException e) {
            sendError(ex, api, e.status(), e.code(), e.getMessage(), e.value(), session);
        } catch (UncheckedIOException e) {
            LOG.debug("client connection failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("request {} {} failed", ex.getRequestMethod(), ex.getRequestURI().getRawPath(), e);
            sendError(ex, api, 500, "internal_error", "the server failed to answer; see its log", null, session);
        } finally {
            ex.close();
        }
    }

    /**
     * A state-changing request must come from this site's pages, carry the media type its endpoint reads, and,
     * when it comes with a session (pages always do; API calls when they send the cookie), that session's CSRF
     * token: the form field {@code csrf}, or the header {@code X-CSRF-Token} on the JSON API.
     */
    private void checkStateChange(Headers headers, boolean api, String body, Sessions.Session session) {
        guard.checkOrigin(headers.getFirst("Origin"), headers.getFirst("Referer"));
        RequestGuard.requireMediaType(headers, api ? RequestGuard.JSON : RequestGuard.FORM);
        if (api && session == null) {
            return; // no cookie, so no ambient authority to abuse; pages that need a reviewer refuse on their own
        }
        String token = api ? headers.getFirst(CSRF_HEADER) : query(body).get("csrf");
        if (session == null || !session.tokenMatches(token)) {
            throw new PageException(403, "csrf_token_invalid", (token == null ? "the request carries no CSRF token"
                    : "the request's CSRF token does not belong to this session") + "; reload the page and submit"
                    + " the form again" + (api ? " (API clients: send the csrfToken of GET /api/session in the "
                    + CSRF_HEADER + " header)" : ""), null);
        }
    }

    /** Signs a reviewer in or out; answers a redirect itself and returns null, or the session to show the form to. */
    private Sessions.Session signIn(HttpExchange ex, String path, String method, Map<String, String> form,
            Sessions.Session session) {
        if (path.equals("sign-in") && method.equals("GET")) {
            return session;
        }
        if (!method.equals("POST")) {
            throw new PageException(405, "method_not_allowed", "method " + method + " is not allowed here; allowed: "
                    + (path.equals("sign-in") ? "GET, POST" : "POST"), null);
        }
        String reviewer = null;
        if (path.equals("sign-in")) {
            reviewer = reviewers.verify(form.get("name"), form.get("code"));
            if (reviewer == null) {
                LOG.warn("failed reviewer sign-in for '{}'", DataIssue.printable(String.valueOf(form.get("name")),
                        40));
                throw new PageException(403, "sign_in_failed", "unknown reviewer or wrong sign-in code", null);
            }
            LOG.info("reviewer '{}' signed in", reviewer);
        }
        Sessions.Session next = sessions.replace(session, reviewer);
        setCookie(ex, next);
        redirect(ex, reviewer != null ? "/creative-review" : "/");
        return null;
    }

    private PageResponse sessionJson(Sessions.Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("csrfToken", session.csrfToken);
        out.put("reviewer", session.reviewer);
        return PageResponse.json(200, out);
    }

    private static void setCookie(HttpExchange ex, Sessions.Session session) {
        ex.getResponseHeaders().set("Set-Cookie", COOKIE + "=" + session.id + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private static void redirect(HttpExchange ex, String location) {
        var h = ex.getResponseHeaders();
        h.set("Location", location);
        h.set("Cache-Control", "no-store");
        try {
            ex.sendResponseHeaders(303, -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PageResponse home() {
        ShopData shop = service.shop;
        StringBuilder h = new StringBuilder(4096);
        h.append("<h1>Welcome</h1>\n<p>A sample shop served by the RetailGen SDK. Open a product to see what the ")
                .append("recommender suggests next, and why.</p>\n<h2>Popular now</h2>\n<ul class=\"featured")
                .append(luma == null ? "" : " recs").append("\">\n");
        for (String id : shop.featured()) {
            h.append("<li").append(luma == null ? "" : " class=\"rec\"").append(">");
            if (luma != null) {
                luma.mainPhoto(id).ifPresent(p -> h.append("<img class=\"thumb\" src=\"")
                        .append(Html.escape(PhotoPage.href(luma, p))).append("\" alt=\"\" width=\"200\">"));
            }
            h.append("<a class=\"product-link\" href=\"").append(Html.escape(ProductPage.href(id))).append("\">")
                    .append(Html.escape(shop.displayName(id))).append("</a> <span class=\"rec-category\">")
                    .append(Html.escape(shop.catalog().category(id))).append("</span>");
            if (luma != null) {
                shop.catalog().item(id).ifPresent(item -> h.append("<p class=\"price\">")
                        .append(String.format(Locale.ROOT, "%.2f", item.price())).append("</p>"));
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
        if (luma != null) {
            h.append("<p class=\"meta\" id=\"catalog-note\">Products, photos, copy and reviews: the Luma sample ")
                    .append("catalog (").append(luma.catalog().products().size()).append(" products, ")
                    .append(luma.catalog().photos().size()).append(" photos). It has no click log, so the ")
                    .append("recommender learns from shopping sessions generated over its categories.</p>\n");
        }
        return PageResponse.html(200, "Home", h.toString());
    }

    private PageResponse status() {
        Map<String, Object> out = new LinkedHashMap<>();
        RecommendModel m = service.model;
        out.put("modelVersion", service.recommender.modelVersion());
        out.put("dataSource", service.shop.source());
        out.put("catalog", luma == null ? "generated" : "luma");
        out.put("items", m.itemCount());
        out.put("trainEvents", service.shop.interactions().size());
        out.put("sequenceModel", m.hasSequenceModel());
        out.put("trainSeconds", m.trainSeconds());
        Map<String, Object> ps = new LinkedHashMap<>();
        for (StorefrontPage p : pages.values().stream().sorted((a, b) -> a.path().compareTo(b.path())).toList()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("title", p.title());
            e.put("installed", !(p instanceof ModuleNotInstalledPage));
            ps.put(p.path(), e);
        }
        out.put("pages", ps);
        return PageResponse.json(200, out);
    }

    private void send(HttpExchange ex, PageResponse r, Sessions.Session session) {
        if (r.body() != null) {
            write(ex, r.status(), r.contentType(), r.body());
        } else if (r.json() != null) {
            String json = JsonText.write(JSON.writer(), r.json());
            write(ex, r.status(), "application/json; charset=utf-8", json);
        } else {
            write(ex, r.status(), "text/html; charset=utf-8", layout(r.title(), r.html(), session));
        }
    }

    private void sendError(HttpExchange ex, boolean api, int status, String code, String message, String value,
            Sessions.Session session) {
        try {
            if (api) {
                Map<String, Object> err = new LinkedHashMap<>();
                err.put("status", status);
                err.put("code", code);
                err.put("message", message);
                if (value != null) {
                    err.put("value", value);
                }
                write(ex, status, "application/json; charset=utf-8", JsonText.write(JSON.writer(), Map.of("error", err)));
            } else {
                String title = status == 404 ? "Not found" : status == 400 ? "Bad request" : status == 403
                        ? "Forbidden" : "Error " + status;
                String html = "<h1>" + Html.escape(title) + "</h1>\n<p class=\"error-message\" id=\"error-message\">"
                        + Html.escape(message) + "</p>\n"
                        + (value == null ? "" : "<p>Value: <code id=\"error-value\">" + Html.escape(value)
                        + "</code></p>\n")
                        + "<p><a href=\"/\">Back to the shop</a></p>\n";
                write(ex, status, "text/html; charset=utf-8", layout(title, html, session));
            }
        } catch (RuntimeException e) {
            LOG.debug("could not send error {} {}: {}", status, code, e.toString());
        }
    }

    private static void write(HttpExchange ex, int status, String contentType, String body) {
        write(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange ex, int status, String contentType, byte[] bytes) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with our own form posts
        h.set("Referrer-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
        try {
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String layout(String title, String body, Sessions.Session session) {
        StringBuilder h = new StringBuilder(body.length() + 4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append(" · RetailGen storefront</title>\n<style>")
                .append(Styles.CSS).append("</style>\n</head>\n<body>\n<header><a class=\"brand\" href=\"/\">")
                .append("RetailGen storefront</a><nav>");
        h.append("<a href=\"/\">Home</a>");
        pages.values().stream().filter(StorefrontPage::inNavigation)
                .sorted((a, b) -> order(a.path()) - order(b.path())).forEach(p -> h.append("<a href=\"/")
                        .append(Html.escape(p.path())).append("\">").append(Html.escape(p.title())).append("</a>"));
        h.append("</nav>").append(SignInPage.headerLinks(session == null ? null : session.reviewer,
                session == null ? null : session.csrfToken)).append("</header>\n<main>\n").append(body)
                .append("</main>\n<footer>Model ")
                .append(Html.escape(service.recommender.modelVersion())).append(" trained on ")
                .append(Html.escape(service.shop.source())).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static int order(String path) {
        return switch (path) {
            case "planner" -> 1;
            case "creative-review" -> 2;
            case "audit" -> 9;
            default -> 5;
        };
    }

    /**
     * Splits a raw path into percent-decoded segments; {@code +} stays a plus sign, and a trailing slash adds no
     * segment ({@code /audit/} equals {@code /audit}).
     */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
            return out;
        }
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        for (String part : p.split("/", -1)) {
            out.add(percentDecode(part));
        }
        if (out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw PageException.badRequest("bad_request", "malformed percent-encoding in the path", s);
                }
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw PageException.badRequest("bad_request", "the path is not valid UTF-8 after percent-decoding", s);
        }
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw PageException.badRequest("bad_request", "malformed query string: " + e.getMessage(), pair);
            }
        }
        return out;
    }

    private static String cookieSession(HttpExchange ex) {
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(COOKIE + "=")) {
                    String v = p.substring(COOKIE.length() + 1);
                    if (ShopService.SESSION_ID.matcher(v).matches()) {
                        return v;
                    }
                }
            }
        }
        return null;
    }

    static String newSessionId() {
        return Sessions.random(16);
    }

    private static String body(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) {
                throw new PageException(413, "body_too_large", "the request body exceeds " + MAX_BODY + " bytes",
                        null);
            }
            return new String(b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the storefront from the command line.
     *
     * @param args {@code [--port N] [--data DIR] [--audit-dir DIR] [--signing-key FILE] [--reviewer NAME]...
     *     [--allowed-host NAME]... [--epochs N] [--image-seconds N] [--sample]}; without {@code --epochs} the
     *     generated sample trains 3 epochs and the real data 1; without {@code --reviewer} one reviewer
     *     {@code store-reviewer} is added; each reviewer gets a random sign-in code, printed at start
     * @throws IOException when the server cannot bind its port
     */
    public static void main(String[] args) throws IOException {
        Builder b = builder().port(8080);
        Path data = Path.of("..", "shared", "data");
        Integer epochs = null;
        Set<String> reviewerNames = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(value(args, ++i, a)));
                case "--bind" -> b.address(InetAddress.getByName(value(args, ++i, a)));
                case "--data" -> data = Path.of(value(args, ++i, a));
                case "--audit-dir" -> b.auditDirectory(Path.of(value(args, ++i, a)));
                case "--signing-key" -> b.signingKeyFile(Path.of(value(args, ++i, a)));
                case "--reviewer" -> reviewerNames.add(value(args, ++i, a));
                case "--allowed-host" -> b.allowedHost(value(args, ++i, a));
                case "--epochs" -> epochs = Integer.parseInt(value(args, ++i, a));
                case "--image-seconds" -> b.imageTraining(Duration.ofSeconds(Long.parseLong(value(args, ++i, a))));
                case "--sample" -> data = null;
                case "--help", "-h" -> {
                    System.out.println("usage: storefront [--port 8080] [--bind ADDRESS (default loopback)]"
                            + " [--data ../shared/data] [--audit-dir DIR]"
                            + " [--signing-key FILE (default ~/.retailgen/storefront-signing.key, created when"
                            + " missing)] [--reviewer NAME (repeatable; default store-reviewer)]"
                            + " [--allowed-host NAME (repeatable)]"
                            + " [--epochs N (default 3 on the generated sample, 1 on real data)]"
                            + " [--image-seconds 45] [--sample]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; options: --port, --bind,"
                        + " --data, --audit-dir, --signing-key, --reviewer, --allowed-host, --epochs, --image-seconds,"
                        + " --sample, --help");
            }
        }
        if (reviewerNames.isEmpty()) {
            reviewerNames.add(CreativeReviewPage.DEFAULT_REVIEWER);
        }
        Map<String, String> codes = new LinkedHashMap<>();
        for (String name : reviewerNames) {
            String code = Sessions.random(12);
            b.reviewer(name, code);
            codes.put(name, code);
        }
        Optional<LumaStore> luma = LumaStore.find(data);
        ShopData shop = luma.isPresent() ? luma.get().shop(42, SampleShop.DEFAULT_SESSIONS)
                : ShopData.sharedOrSample(data, 42);
        luma.ifPresent(b::luma);
        boolean generated = luma.isPresent()
                || shop.catalog().size() == SampleShop.ITEMS && shop.source().startsWith("generated");
        RecommendTrainer trainer = RecommendSetup.quickTrainer().epochs(epochs != null ? epochs : generated ? 3 : 1)
                .build();
        StorefrontApp app = b.shop(shop).sharedData(data).trainer(trainer).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "storefront-shutdown"));
        System.out.println("Storefront running at " + app.uri() + "  (Ctrl+C to stop)");
        codes.forEach((name, code) -> System.out.println("Reviewer sign-in at " + app.uri() + "sign-in: name '"
                + name + "', code " + code));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** Configures a {@link StorefrontApp}. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private int port = 8080;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private ShopData shop;
        private Path sharedData;
        private RecommendTrainer trainer = RecommendSetup.quickTrainer().build();
        private RecommendModel model;
        private TrainingListener listener;
        private Path auditDirectory;
        private ContentPolicy policy;
        private Planner planner;
        private ImageSetup.Model imageModel;
        private Duration imageTraining = Duration.ofSeconds(45);
        private Path assetDirectory;
        private int images = 8;
        private LumaStore luma;
        private int colourways = 4;
        private final List<StorefrontPage> pages = new ArrayList<>();
        private final Map<String, String> reviewers = new LinkedHashMap<>();
        private final Set<String> allowedHosts = new LinkedHashSet<>();
        private Path signingKeyFile;

        private Builder() {
        }

        /**
         * @param port the port, 0 for any free one (default 8080)
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * @param address the address to bind (default: loopback only)
         * @return this builder
         */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address == null");
            return this;
        }

        /**
         * @param dir the shared data directory whose YooChoose sample is used when present, or null to always
         *     generate a sample shop
         * @return this builder
         */
        public Builder sharedData(Path dir) {
            this.sharedData = dir;
            return this;
        }

        /**
         * @param store the Luma catalog to show (product photos, copy, reviews; colourway variants on the
         *     creative-review page); default: the one below {@link #sharedData(Path)} when present and
         *     {@link #shop(ShopData)} was not given. Without {@link #shop(ShopData)} the shop is
         *     {@link LumaStore#shop(long, int)}
         * @return this builder
         */
        public Builder luma(LumaStore store) {
            this.luma = Objects.requireNonNull(store, "luma == null");
            return this;
        }

        /**
         * @param count how many colourway variants of real photos are made at start when the storefront runs on the
         *     Luma catalog, 0..20 (default 4)
         * @return this builder
         */
        public Builder colourways(int count) {
            if (count < 0 || count > 20) {
                throw new IllegalArgumentException("colourways must be in 0..20, was " + count);
            }
            this.colourways = count;
            return this;
        }

        /**
         * @param data the data to train on and show, instead of {@link #sharedData(Path)}
         * @return this builder
         */
        public Builder shop(ShopData data) {
            this.shop = Objects.requireNonNull(data, "shop == null");
            return this;
        }

        /**
         * @param recommendTrainer the recommender's trainer (default {@link RecommendSetup#quickTrainer()})
         * @return this builder
         */
        public Builder trainer(RecommendTrainer recommendTrainer) {
            this.trainer = Objects.requireNonNull(recommendTrainer, "trainer == null");
            return this;
        }

        /**
         * @param trained a model trained on the {@link #shop(ShopData)} data, to skip training
         * @return this builder
         */
        public Builder model(RecommendModel trained) {
            this.model = Objects.requireNonNull(trained, "model == null");
            return this;
        }

        /**
         * @param trainingListener progress events of the start-up training (default: a console progress bar)
         * @return this builder
         */
        public Builder listener(TrainingListener trainingListener) {
            this.listener = Objects.requireNonNull(trainingListener, "listener == null");
            return this;
        }

        /**
         * @param dir the audit log directory (default: a new temporary directory)
         * @return this builder
         */
        public Builder auditDirectory(Path dir) {
            this.auditDirectory = Objects.requireNonNull(dir, "auditDirectory == null");
            return this;
        }

        /**
         * @param contentPolicy the policy every explanation must pass (default {@link ContentPolicy#defaults()})
         * @return this builder
         */
        public Builder policy(ContentPolicy contentPolicy) {
            this.policy = Objects.requireNonNull(contentPolicy, "policy == null");
            return this;
        }

        /**
         * @param built the planner behind the planner page (the caller closes it); default: one built at start
         *     from the {@link #sharedData(Path)} series (or generated ones) with {@link Planner.Options#defaults()}
         * @return this builder
         */
        public Builder planner(Planner built) {
            this.planner = Objects.requireNonNull(built, "planner == null");
            return this;
        }

        /**
         * @param trained the image model behind the creative-review page; default: one trained at start on the
         *     {@link #sharedData(Path)} images (or generated ones) for {@link #imageTraining(Duration)}
         * @return this builder
         */
        public Builder imageModel(ImageSetup.Model trained) {
            this.imageModel = Objects.requireNonNull(trained, "imageModel == null");
            return this;
        }

        /**
         * @param budget the training budget of the default image model, 1 s to 1 h (default 45 s)
         * @return this builder
         */
        public Builder imageTraining(Duration budget) {
            Objects.requireNonNull(budget, "imageTraining == null");
            if (budget.toMillis() < 1000 || budget.toHours() >= 1) {
                throw new IllegalArgumentException("imageTraining must be 1 s to 1 h, was " + budget);
            }
            this.imageTraining = budget;
            return this;
        }

        /**
         * @param dir the asset store of the creative-review page (default: a new temporary directory)
         * @return this builder
         */
        public Builder assetDirectory(Path dir) {
            this.assetDirectory = Objects.requireNonNull(dir, "assetDirectory == null");
            return this;
        }

        /**
         * @param count how many images are generated for review at start, 1..40 (default 8)
         * @return this builder
         */
        public Builder images(int count) {
            if (count < 1 || count > 40) {
                throw new IllegalArgumentException("images must be in 1..40, was " + count);
            }
            this.images = count;
            return this;
        }

        /**
         * Adds a reviewer account for the creative-review page. The reviewer signs in at {@code /sign-in} with the
         * code; the session then carries the name, and decisions are recorded under it. Without any account nobody
         * can decide (the command line adds one with a random code and prints it).
         *
         * @param name the reviewer's name, 1 to 40 letters, digits, spaces or {@code . _ -}
         * @param code the sign-in code, 8 to 200 characters (only its SHA-256 digest is kept)
         * @return this builder
         */
        public Builder reviewer(String name, String code) {
            Reviewers.check(name, code);
            if (reviewers.putIfAbsent(name, code) != null) {
                throw new IllegalArgumentException("reviewer '" + name + "' was already added");
            }
            return this;
        }

        /**
         * Adds a host name the server answers to, besides the bind address, {@code localhost}, {@code 127.0.0.1}
         * and {@code [::1]}; requests whose {@code Host} header names anything else are refused with 421, so that a
         * site that re-points its own DNS name at this machine cannot talk to the storefront.
         *
         * @param name a host name or address without port, such as {@code shop.example.com}; IPv6 in brackets
         * @return this builder
         */
        public Builder allowedHost(String name) {
            Objects.requireNonNull(name, "allowedHost == null");
            if (!name.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]")) {
                throw new IllegalArgumentException("allowedHost must be a host name, an IPv4 address or a bracketed"
                        + " IPv6 address, without port; was '" + name + "'");
            }
            allowedHosts.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        /**
         * @param keyFile the audit log's signing key (PEM as written by {@code retailgen audit keygen}), created
         *     there with owner-only permissions when missing; it must lie outside the audit directory. Default
         *     {@code ~/.retailgen/storefront-signing.key}. Its public key is written beside the log as
         *     {@code audit-signing.pub}.
         * @return this builder
         */
        public Builder signingKeyFile(Path keyFile) {
            this.signingKeyFile = Objects.requireNonNull(keyFile, "signingKeyFile == null");
            return this;
        }

        /**
         * Adds a page, replacing a built-in one with the same path (such as the {@code planner} page).
         *
         * @param page the page
         * @return this builder
         */
        public Builder page(StorefrontPage page) {
            Objects.requireNonNull(page, "page == null");
            if (!PAGE_PATH.matcher(page.path()).matches() || RESERVED.contains(page.path())) {
                throw new IllegalArgumentException("page path must be lower-case letters, digits and '-', and not"
                        + " one of " + RESERVED + "; was '" + page.path() + "'");
            }
            pages.add(page);
            return this;
        }

        /**
         * Trains what was not given (recommender, image model, planner), opens the audit log, generates the images
         * for review and starts the server.
         *
         * @return the running app; the caller closes it
         * @throws IllegalStateException when {@link #model(RecommendModel)} was given without {@link #shop(ShopData)}
         * @throws IOException when the port cannot be bound or the audit directory created
         */
        public StorefrontApp start() throws IOException {
            if (model != null && shop == null) {
                throw new IllegalStateException("model(...) needs shop(...): the data the model was trained on");
            }
            if (policy == null) {
                policy = ContentPolicy.defaults();
            }
            return new StorefrontApp(this);
        }
    }
}
