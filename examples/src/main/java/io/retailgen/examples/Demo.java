package io.retailgen.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.train.ConsoleProgressBar;
import io.retailgen.core.util.JsonText;
import io.retailgen.examples.storefront.Html;
import io.retailgen.forecast.FanChart;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.Inventory;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.governance.audit.AuditLog;
import io.retailgen.governance.audit.AuditVerification;
import io.retailgen.governance.reports.ExposureAudit;
import io.retailgen.imagegen.Ciede2000;
import io.retailgen.imagegen.ReviewQueue;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.InteractionReader;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.RecommendTrainer;
import io.retailgen.recommend.Recommendation;
import io.retailgen.recommend.Recommender;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end demo: trains small models on the shared data when present (YooChoose sessions, aus-retail or M3
 * series, Fashion-MNIST images), else on samples generated at run time, then shows recommendations with reasons, a
 * probabilistic forecast with a discount what-if and safety stock, a colourway variant of a real product photo of
 * the Luma catalog (when present), generated images styled by the brand guide and decided in the review queue, and
 * an exposure audit of the recommendations. Every generated text (explanations,
 * banner copy) passes the content policy and is written to a signed, hash-chained audit log, whose chain is
 * verified at the end. It writes a report folder ({@code index.html}, PNG plots, {@code summary.json}, the asset
 * store and the audit log) and prints a summary.
 *
 * <pre>{@code
 * DemoResult r = Demo.run(DemoOptions.parse("--out", "report"), System.out);
 * System.out.println(r.figures().get("safety_stock"));
 * }</pre>
 *
 * <p>Run it with {@code java -jar examples/target/retailgen-examples.jar demo [options]} from the project root.
 * Not thread-safe: one run at a time per output folder.
 */
public final class Demo {

    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_SESSIONS = "sessions/yoochoose-100k/train_valid.tsv";
    private static final int EVAL_SESSIONS = 300;
    private static final int K = 10;
    private static final double DISCOUNT = 0.2;
    private static final int LEAD_TIME = 2;
    private static final double SERVICE_LEVEL = 0.95;
    /** A banner that a careless copywriter might write: the content policy should stop it. */
    static final String BAD_BANNER = "Gucci replica bag, AAA quality";

    private Demo() {
    }

    /**
     * Command-line entry: {@code demo [options]} (see {@link DemoOptions#USAGE}). Exits with 0 when every part ran,
     * 1 when a part failed (the others still run and the report says which), 2 for bad options.
     *
     * @param args the options
     */
    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /**
     * Runs the demo from command-line options and returns the exit status instead of exiting.
     *
     * @param args the options
     * @param out where the summary goes
     * @param err where errors go
     * @return 0 when every part ran, 1 when a part failed, 2 for bad options
     */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            out.println(DemoOptions.USAGE);
            return 0;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        limitTorchThreads();
        try {
            DemoResult r = run(options, out);
            return r.problems().isEmpty() ? 0 : 1;
        } catch (RetailGenException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /**
     * On a small or shared machine PyTorch's intra-op pool spins against other processes; one thread per pool was
     * several times faster there. Settings given by the user win.
     */
    static void limitTorchThreads() {
        int threads = Runtime.getRuntime().availableProcessors() <= 4 ? 1
                : Runtime.getRuntime().availableProcessors() / 2;
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    /**
     * Runs the demo. A part that fails (for example when the training engine cannot start) is reported in
     * {@link DemoResult#problems()} and the other parts still run.
     *
     * @param o the settings
     * @param out where the summary (and, with {@code json}, the JSON line last) goes
     * @return the key figures
     * @throws RetailGenException when the report folder cannot be written
     */
    public static DemoResult run(DemoOptions o, PrintStream out) {
        Objects.requireNonNull(o, "options == null");
        Objects.requireNonNull(out, "out == null");
        long t0 = System.nanoTime();
        Path dir = o.outDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot create the report folder " + dir + ": " + e, e);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        StringBuilder html = new StringBuilder(32 * 1024);
        Path auditDir = dir.resolve("audit");
        Governance gov = Governance.open(auditDir, ContentPolicy.defaults());
        out.println("RetailGen demo: data " + o.dataDir().toAbsolutePath().normalize() + ", report " + dir);
        try {
            stage("recommendations", problems, out, () -> recommend(o, gov, f, html, out));
            stage("forecast", problems, out, () -> forecast(o, f, html, out));
            stage("product photos", problems, out, () -> photos(o.dataDir(), o.outDir(), gov, f, html, out));
            stage("images", problems, out, () -> images(o, gov, f, html, out));
        } finally {
            gov.close();
        }
        AuditVerification v = AuditLog.verify(auditDir, gov.publicKey());
        List<AuditEntry> entries = readAudit(auditDir);
        long screened = entries.stream().filter(e -> e.type().equals("generation")).count();
        f.put("texts_screened", screened);
        for (String verdict : List.of("ALLOW", "REDACT", "BLOCK")) {
            f.put("texts_" + verdict.toLowerCase(Locale.ROOT), entries.stream()
                    .filter(e -> e.type().equals("generation") && e.verdict().equals(verdict)).count());
        }
        f.put("audit_records", v.records());
        f.put("audit_checkpoints", v.checkpoints());
        f.put("audit_chain_valid", v.valid());
        governanceSection(html, v, entries, auditDir);
        double seconds = (System.nanoTime() - t0) / 1e9;
        f.put("seconds_total", round(seconds, 1));
        f.put("report", dir.resolve("index.html").toString());
        f.put("problems", problems);
        DemoResult result = new DemoResult(dir, f, problems);
        writeReport(dir, html, result);
        out.println();
        out.println(String.format(Locale.ROOT, "governance: %d texts screened (%d allowed, %d redacted, %d blocked);"
                + " audit log %s: %d records, %d signed checkpoints", screened, f.get("texts_allow"),
                f.get("texts_redact"), f.get("texts_block"), v.valid() ? "chain VERIFIED" : "chain BROKEN",
                v.records(), v.checkpoints()));
        out.println(String.format(Locale.ROOT, "report: %s  (%.1f s%s)", dir.resolve("index.html"), seconds,
                problems.isEmpty() ? "" : ", " + problems.size() + " part(s) failed"));
        if (o.json()) {
            out.println(result.toJson());
        }
        return result;
    }

    private static void stage(String name, List<String> problems, PrintStream out, Runnable body) {
        out.println();
        out.println("== " + name + " ==");
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.error("the {} part of the demo failed", name, e);
            problems.add(name + ": " + e.getMessage());
            out.println("FAILED: " + e.getMessage());
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // recommendations

    private static void recommend(DemoOptions o, Governance gov, Map<String, Object> f, StringBuilder html,
            PrintStream out) {
        ShopData shop = ShopData.sharedOrSample(o.dataDir(), o.seed());
        boolean generated = shop.source().startsWith("generated");
        int epochs = o.recommendEpochs() > 0 ? o.recommendEpochs() : generated ? 3 : 1;
        RecommendTrainer trainer = RecommendSetup.quickTrainer().epochs(epochs).build();
        out.println("training the session recommender on " + shop.source() + " (" + shop.interactions().size()
                + " clicks, " + shop.catalog().size() + " items, " + epochs + " epochs)");
        RecommendModel model = RecommendSetup.train(shop, trainer, ConsoleProgressBar.create());
        f.put("recommend_source", shop.source());
        f.put("recommend_items", shop.catalog().size());
        f.put("recommend_train_seconds", round(model.trainSeconds(), 1));
        List<List<String>> sessions = evaluationSessions(o, shop);
        Map<String, String> groups = itemGroups(shop);
        Map<String, Double> clickShare = clickShare(shop, groups);
        List<ExposureAudit.RankedList> lists = new ArrayList<>();
        int hits = 0;
        StringBuilder h = new StringBuilder();
        h.append("<h2>Recommendations</h2>\n<p>Model ").append(Html.escape(model.version())).append(" (GRU")
                .append(" sequence model + session kNN + co-occurrence) trained on ").append(Html.escape(shop.source()))
                .append(": ").append(shop.interactions().size()).append(" clicks, ").append(shop.catalog().size())
                .append(" items, ").append(String.format(Locale.ROOT, "%.1f", model.trainSeconds()))
                .append(" s. Each reason below passed the content policy and is in the audit log.</p>\n");
        try (Recommender rec = RecommendSetup.serve(model, shop)) {
            int shown = 0;
            for (List<String> s : sessions) {
                List<String> prefix = s.subList(Math.max(0, s.size() - 4), s.size() - 1);
                String next = s.get(s.size() - 1);
                List<Recommendation> recs = rec.recommendFor(prefix, K, EventContext.NONE);
                List<String> ids = recs.stream().map(Recommendation::itemId).toList();
                hits += ids.contains(next) ? 1 : 0;
                lists.add(new ExposureAudit.RankedList(prefix.size() == 1 ? "1 click" : "2-3 clicks", ids));
                if (shown < 3 && prefix.stream().distinct().count() >= 2) {
                    shown++;
                    showSession(shop, gov, prefix, next, recs.subList(0, Math.min(5, recs.size())), h, out);
                }
            }
        }
        double recall = sessions.isEmpty() ? 0 : (double) hits / sessions.size();
        f.put("recommend_sessions_evaluated", sessions.size());
        f.put("recall_at_10", round(recall, 4));
        out.println(String.format(Locale.ROOT, "next-click hit rate@%d on %d held-out sessions: %.3f", K,
                sessions.size(), recall));
        ExposureAudit.Report report = new ExposureAudit(groups).audit(lists);
        f.put("exposure_disparity_ratio", round(report.groupDisparityRatio(), 4));
        Map<String, Double> shares = new LinkedHashMap<>();
        clickShare.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), report.groupShare().getOrDefault(e.getKey(), 0d)));
        f.put("exposure_share", roundAll(shares));
        write(o.outDir().resolve("exposure.png"), Charts.png(Charts.exposureChart(
                "Exposure of item groups in " + lists.size() + " recommendation lists (top " + K + ")",
                shares, clickShare, "share of training clicks")));
        out.println(String.format(Locale.ROOT, "exposure audit over %d lists: group disparity ratio (min/max of a"
                + " group's exposure per catalog item) %.3f; exposure shares %s", lists.size(),
                report.groupDisparityRatio(), roundAll(shares)));
        h.append("<p>Next-click hit rate@").append(K).append(" on ").append(sessions.size())
                .append(" held-out sessions: <b>").append(String.format(Locale.ROOT, "%.3f", recall))
                .append("</b>.</p>\n<h3>Exposure audit</h3>\n<p>sdk-governance <code>ExposureAudit</code> over ")
                .append(lists.size()).append(" lists (exposure 1/log2(1+rank)); groups are ")
                .append(generated ? "catalog categories" : "popularity tiers of the training clicks (YooChoose has"
                        + " no categories)").append(". Group disparity ratio (min/max of a group's exposure per")
                .append(" catalog item; 1 = parity): <b>")
                .append(String.format(Locale.ROOT, "%.3f", report.groupDisparityRatio()))
                .append("</b>.</p>\n<img src=\"exposure.png\" alt=\"exposure chart\" width=\"900\">\n");
        html.append(h);
    }

    private static void showSession(ShopData shop, Governance gov, List<String> prefix, String next,
            List<Recommendation> recs, StringBuilder h, PrintStream out) {
        List<String> names = prefix.stream().map(shop::displayName).toList();
        out.println("session viewed " + String.join(" -> ", names) + " (then " + shop.displayName(next) + "):");
        h.append("<h3>Session: ").append(Html.escape(String.join(" → ", names))).append("</h3>\n<p class=\"meta\">")
                .append("Its real next click: ").append(Html.escape(shop.displayName(next)))
                .append("</p>\n<table><tr><th>#</th><th>Item</th><th>Reason shown</th><th>Policy</th></tr>\n");
        int rank = 0;
        for (Recommendation r : recs) {
            rank++;
            GenerationResponse resp = gov.screen(GenerationRequest.builder().module("recommend")
                    .operation("explanation").text(r.explanation()).model("demo-recs", r.modelVersion())
                    .attribute("itemId", r.itemId()).build());
            String reason = resp.blocked() || resp.text() == null ? "Recommended for you" : resp.text();
            out.println(String.format(Locale.ROOT, "  %d. %-28s %s [%s]", rank, shop.displayName(r.itemId()),
                    reason, resp.verdict()));
            h.append("<tr><td>").append(rank).append("</td><td>").append(Html.escape(shop.displayName(r.itemId())))
                    .append(r.itemId().equals(next) ? " ✔" : "").append("</td><td>").append(Html.escape(reason))
                    .append("</td><td>").append(resp.verdict()).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Held-out sessions: YooChoose's validation split when the real data is used, else freshly generated ones. */
    private static List<List<String>> evaluationSessions(DemoOptions o, ShopData shop) {
        List<Interaction> events;
        Path valid = o.dataDir().resolve(VALID_SESSIONS);
        if (!shop.source().startsWith("generated") && Files.isRegularFile(valid)) {
            events = InteractionReader.readLenient(valid).interactions();
        } else {
            events = SampleShop.generate(o.seed() + 1, EVAL_SESSIONS).interactions();
        }
        Map<String, List<String>> bySession = new LinkedHashMap<>();
        for (Interaction i : events) {
            if (shop.catalog().contains(i.itemId())) {
                bySession.computeIfAbsent(i.sessionId(), k -> new ArrayList<>()).add(i.itemId());
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> s : bySession.values()) {
            if (s.size() >= 2) {
                out.add(List.copyOf(s));
                if (out.size() == EVAL_SESSIONS) {
                    break;
                }
            }
        }
        return out;
    }

    /** Categories when the catalog has them, else popularity tiers: head 10% of items, torso 30%, tail 60%. */
    static Map<String, String> itemGroups(ShopData shop) {
        Map<String, Integer> clicks = new HashMap<>();
        for (Interaction i : shop.interactions()) {
            clicks.merge(i.itemId(), 1, Integer::sum);
        }
        Map<String, String> groups = new LinkedHashMap<>();
        boolean categories = clicks.keySet().stream().allMatch(id -> !shop.catalog().category(id).isEmpty());
        if (categories) {
            clicks.keySet().stream().sorted().forEach(id -> groups.put(id, shop.catalog().category(id)));
            return groups;
        }
        List<String> byClicks = new ArrayList<>(clicks.keySet());
        byClicks.sort((a, b) -> clicks.get(b) - clicks.get(a) != 0 ? clicks.get(b) - clicks.get(a) : a.compareTo(b));
        for (int i = 0; i < byClicks.size(); i++) {
            double q = (double) i / byClicks.size();
            groups.put(byClicks.get(i), q < 0.1 ? "head (top 10% items)" : q < 0.4 ? "torso (next 30%)"
                    : "tail (last 60%)");
        }
        return groups;
    }

    private static Map<String, Double> clickShare(ShopData shop, Map<String, String> groups) {
        Map<String, Double> share = new LinkedHashMap<>();
        for (Interaction i : shop.interactions()) {
            share.merge(groups.getOrDefault(i.itemId(), "other"), 1.0 / shop.interactions().size(), Double::sum);
        }
        return share;
    }

    // ----------------------------------------------------------------------------------------------------------
    // forecast

    private static void forecast(DemoOptions o, Map<String, Object> f, StringBuilder html, PrintStream out) {
        PlanningData data = PlanningData.sharedOrSample(o.dataDir(), o.seed());
        out.println("forecasting " + data.focus().id() + " from " + data.source() + " (" + data.panel().size()
                + " series in the panel)");
        try (Planner p = Planner.build(data, new Planner.Options(12, o.paths(), o.generativeEpochs(), o.seed()),
                ConsoleProgressBar.create())) {
            Forecast fc = p.baseline();
            InventoryPolicy policy = p.inventory(LEAD_TIME, SERVICE_LEVEL);
            double stress = Inventory.safetyStock(fc.scenarios().spike(1.5, 3), LEAD_TIME + 3, SERVICE_LEVEL);
            Optional<Planner.WhatIf> whatIf = p.whatIf(DISCOUNT);
            double[] mean = fc.mean();
            double total = Arrays.stream(mean).sum();
            var i80 = fc.scenarios().interval(0.80);
            double lo = Arrays.stream(i80.lower()).sum();
            double hi = Arrays.stream(i80.upper()).sum();
            f.put("forecast_source", data.source());
            f.put("forecast_series", data.focus().id());
            f.put("forecast_model", fc.model());
            f.put("forecast_horizon", fc.horizon());
            f.put("forecast_paths", fc.scenarios().paths());
            f.put("forecast_total_mean", round(total, 1));
            f.put("safety_stock", round(policy.safetyStock(), 2));
            f.put("reorder_point", round(policy.reorderPoint(), 2));
            f.put("stress_safety_stock", round(stress, 2));
            f.put("whatif_discount", DISCOUNT);
            f.put("generative_model", p.hasGenerativeModel());
            f.put("whatif_lift", whatIf.map(w -> round(w.lift(), 4)).orElse(null));
            f.put("whatif_simulated_lift", round(Math.exp(Planner.SIMULATED_ELASTICITY * DISCOUNT) - 1, 4));
            out.println(String.format(Locale.ROOT, "%s: %d-month mean demand %.1f (80%% of %d scenarios: %.1f to"
                    + " %.1f), model %s", data.focus().id(), fc.horizon(), total, fc.scenarios().paths(), lo, hi,
                    fc.model()));
            out.println(String.format(Locale.ROOT, "safety stock for lead time %d at %.0f%% service: %.1f (reorder"
                    + " point %.1f); stress test demand x1.5 from month 3 and lead time +3: %.1f", LEAD_TIME,
                    100 * SERVICE_LEVEL, policy.safetyStock(), policy.reorderPoint(), stress));
            String whatIfLine = whatIf.map(w -> String.format(Locale.ROOT, "what-if %.0f%% discount over the horizon:"
                    + " demand %+.1f%% (generative model; the simulated promotions' true effect is %+.1f%%)",
                    100 * DISCOUNT, 100 * w.lift(), 100 * w.simulatedLift()))
                    .orElse("what-if discount: not available (" + p.generativeNote() + ")");
            out.println(whatIfLine);
            List<FanChart.Overlay> overlays = new ArrayList<>();
            whatIf.ifPresent(w -> {
                overlays.add(new FanChart.Overlay("generative, no discount", w.withoutDiscount().mean(), 0x2A6F4E,
                        true));
                overlays.add(new FanChart.Overlay(String.format(Locale.ROOT, "generative, %.0f%% off", 100 * DISCOUNT),
                        w.withDiscount().mean(), 0xE08E0B, true));
            });
            BufferedImage chart = FanChart.render(data.focus().id() + ": " + fc.horizon() + "-month demand scenarios",
                    data.focus().values(), data.periods(), fc.scenarios(), overlays);
            write(o.outDir().resolve("fan-chart.png"), Charts.png(chart));
            html.append("<h2>Forecast</h2>\n<p>").append(Html.escape(data.focus().id())).append(" from ")
                    .append(Html.escape(data.source())).append(". Statistical ensemble (")
                    .append(Html.escape(fc.model())).append("), ").append(fc.scenarios().paths())
                    .append(" scenario paths.").append(fc.note() == null || fc.note().isEmpty() ? ""
                            : " Note: " + Html.escape(fc.note())).append("</p>\n")
                    .append("<img src=\"fan-chart.png\" alt=\"forecast fan chart\" width=\"900\">\n<ul>\n")
                    .append(li(String.format(Locale.ROOT, "Mean demand over %d months: %.1f (80%% interval of the"
                            + " monthly values summed: %.1f to %.1f)", fc.horizon(), total, lo, hi)))
                    .append(li(String.format(Locale.ROOT, "Safety stock, lead time %d, %.0f%% cycle service level:"
                            + " %.1f; reorder point %.1f", LEAD_TIME, 100 * SERVICE_LEVEL, policy.safetyStock(),
                            policy.reorderPoint())))
                    .append(li(String.format(Locale.ROOT, "Stress test (demand x1.5 from month 3, lead time +3):"
                            + " safety stock %.1f", stress)))
                    .append(li(whatIfLine)).append(li(p.generativeNote())).append("</ul>\n");
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // product photos

    /**
     * Recolours one real product photo of the Luma catalog, when present, to the colour card of the product's next
     * colourway (see {@link ColourwayVariant}), screens it through the governance chain, and compares it with the
     * real photo in that colourway. Writes {@code recolor.png} (source, variant, real photo) and the full-size
     * variant {@code recolor.jpg}. Without the catalog it says so and records {@code luma_products: 0}.
     */
    static void photos(Path dataDir, Path outDir, Governance gov, Map<String, Object> f, StringBuilder html,
            PrintStream out) {
        Optional<LumaStore> found = LumaStore.find(dataDir);
        html.append("<h2>Real product photos</h2>\n");
        if (found.isEmpty()) {
            f.put("luma_products", 0);
            f.put("recolor_seconds", null);
            out.println(dataDir.resolve(LumaStore.SHARED_LUMA) + " not found: no real product photo to recolour");
            html.append("<p>The Luma catalog was not found below the data folder, so no real photo was recoloured."
                    + "</p>\n");
            return;
        }
        LumaStore luma = found.get();
        f.put("luma_products", luma.catalog().products().size());
        f.put("luma_photos", luma.catalog().photos().size());
        f.put("luma_reviews", luma.catalog().reviews().size());
        List<String> styles = luma.catalog().products().stream().map(p -> p.style()).toList();
        List<LumaStore.ColourwayPair> pairs = luma.colourwayPairs(styles, 1);
        if (pairs.isEmpty()) {
            f.put("recolor_seconds", null);
            out.println("the Luma catalog has no product photographed in two colourways: nothing to recolour");
            return;
        }
        LumaStore.ColourwayPair pair = pairs.get(0);
        ColourwayVariant v = ColourwayVariant.make(pair);
        byte[] preview = ColourwayVariant.encode(ColourwayVariant.scaled(v.recoloured(), 400), "png");
        GenerationResponse screened = gov.screen(v.request(pair, preview));
        double[] error = deltaE(v);
        f.put("recolor_product", pair.product().style() + " " + pair.product().name());
        f.put("recolor_from", pair.source().colour());
        f.put("recolor_to", pair.target().colour());
        f.put("recolor_swatch", v.swatchHex());
        f.put("recolor_size", v.source().getWidth() + "x" + v.source().getHeight());
        f.put("recolor_seconds", round(v.seconds(), 3));
        f.put("recolor_mask_share", round(v.maskShare(), 4));
        f.put("recolor_garment_delta_e", round(error[0], 2));
        f.put("recolor_rest_delta_e", round(error[1], 2));
        f.put("recolor_verdict", screened.verdict().name());
        write(outDir.resolve("recolor.jpg"), ColourwayVariant.encode(v.recoloured(), "jpg"));
        int tile = 300;
        write(outDir.resolve("recolor.png"), Charts.png(Charts.contactSheet(List.of(
                new Charts.Tile(ColourwayVariant.scaled(v.source(), tile), "source: " + pair.source().colour(),
                        0xB0B6BF),
                new Charts.Tile(ColourwayVariant.scaled(v.recoloured(), tile), "recoloured " + v.swatchHex(),
                        0x2A9D5C),
                new Charts.Tile(ColourwayVariant.scaled(v.real(), tile), "real: " + pair.target().colour(),
                        0xB0B6BF)), 3)));
        String line = String.format(Locale.ROOT, "%s (%s): %s %s photo recoloured to the %s colour card %s in %.3f s"
                + " (%s px, %.1f%% of the pixels); mean CIEDE2000 to the real %s photo %.2f on the garment, %.2f"
                + " elsewhere; policy %s", pair.product().name(), pair.product().style(), pair.source().colour(),
                pair.source().view(), pair.target().colour(), v.swatchHex(), v.seconds(), f.get("recolor_size"),
                100 * v.maskShare(), pair.target().colour(), error[0], error[1], screened.verdict());
        out.println("Luma catalog: " + luma.catalog().products().size() + " products, "
                + luma.catalog().photos().size() + " photos, " + luma.catalog().reviews().size() + " reviews");
        out.println(line);
        html.append("<p>The Luma sample catalog: ").append(luma.catalog().products().size()).append(" products, ")
                .append(luma.catalog().photos().size()).append(" photos, ").append(luma.catalog().reviews().size())
                .append(" reviews. One colourway variant at full resolution (classical segmenter, then ")
                .append("<code>ImageVariations.recolor</code>), its description screened by the content policy:</p>")
                .append("\n<p>").append(Html.escape(line)).append(".</p>\n<img src=\"recolor.png\" alt=\"source,")
                .append(" recoloured and real photo\">\n<p><a href=\"recolor.jpg\">Full-size variant</a></p>\n");
    }

    /**
     * @return the mean CIEDE2000 between the variant and the real photo over the garment (where the source and the
     *     real photo differ by more than 10) and over the other pixels, on every second pixel in each direction
     */
    static double[] deltaE(ColourwayVariant v) {
        BufferedImage src = v.source();
        BufferedImage real = v.real();
        BufferedImage out = v.recoloured();
        if (real.getWidth() != src.getWidth() || real.getHeight() != src.getHeight()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double[] sum = new double[2];
        long[] n = new long[2];
        for (int y = 0; y < src.getHeight(); y += 2) {
            for (int x = 0; x < src.getWidth(); x += 2) {
                int r = real.getRGB(x, y);
                int k = Ciede2000.distance(src.getRGB(x, y), r) > ColourwayVariant.GARMENT_DELTA_E ? 0 : 1;
                sum[k] += Ciede2000.distance(out.getRGB(x, y), r);
                n[k]++;
            }
        }
        return new double[] {n[0] == 0 ? Double.NaN : sum[0] / n[0], n[1] == 0 ? Double.NaN : sum[1] / n[1]};
    }

    // ----------------------------------------------------------------------------------------------------------
    // images

    private static void images(DemoOptions o, Governance gov, Map<String, Object> f, StringBuilder html,
            PrintStream out) {
        ImageSetup.Library lib = ImageSetup.sharedOrSample(o.dataDir(), o.maxImages(), o.seed());
        out.println("training the image generator on " + lib.source() + " (" + lib.images().count() + " images, "
                + "budget " + o.imageBudget().toSeconds() + " s)");
        ImageSetup.Model model = ImageSetup.train(lib, o.imageBudget(), o.seed(), ConsoleProgressBar.create());
        Map<String, String> hyper = model.trained().provenance().hyperParameters();
        f.put("images_source", lib.source());
        f.put("image_train_seconds", round(model.trained().trainSeconds(), 1));
        f.put("image_epochs_run", hyper.getOrDefault("epochs_run", "?"));
        f.put("image_export_max_abs_diff", model.trained().exportMaxAbsDiff());
        try (CreativeStudio studio = CreativeStudio.open(model, o.outDir().resolve("assets"), gov)) {
            List<CreativeStudio.Brief> briefs = new ArrayList<>(studio.defaultBriefs(o.images() - 1));
            briefs.add(new CreativeStudio.Brief(model.categoryNames().size() > 8 ? 8 : 2, BAD_BANNER));
            List<CreativeStudio.Asset> assets = studio.generate(briefs, o.seed());
            CreativeStudio.Asset reject = assets.stream().filter(CreativeStudio.Asset::bannerBlocked).findFirst()
                    .orElse(assets.get(assets.size() - 1));
            CreativeStudio.Asset pending = assets.stream().filter(a -> a != reject).reduce((a, b) -> b).orElseThrow();
            for (CreativeStudio.Asset a : assets) {
                if (a == reject) {
                    studio.decide(a.assetId(), false, "demo-reviewer", a.bannerBlocked()
                            ? "banner copy blocked by the content policy" : "off brand");
                } else if (a != pending) {
                    studio.decide(a.assetId(), true, "demo-reviewer", "on brand");
                }
            }
            List<Charts.Tile> tiles = new ArrayList<>();
            int approved = 0;
            int rejected = 0;
            int violations = 0;
            StringBuilder rows = new StringBuilder();
            for (CreativeStudio.Asset a : assets) {
                ReviewQueue.Status st = studio.status(a.assetId());
                approved += st == ReviewQueue.Status.APPROVED ? 1 : 0;
                rejected += st == ReviewQueue.Status.REJECTED ? 1 : 0;
                violations += a.styleViolations().isEmpty() ? 0 : 1;
                int frame = st == ReviewQueue.Status.APPROVED ? 0x2A9D5C : st == ReviewQueue.Status.REJECTED
                        ? 0xD62828 : 0xB0B6BF;
                tiles.add(new Charts.Tile(readPng(studio.png(a.assetId())), a.categoryName() + " · " + st, frame));
                String banner = a.bannerBlocked() ? "blocked (" + String.join(", ", a.findings()) + ")"
                        : a.bannerShown() == null ? "none" : a.bannerShown();
                out.println(String.format(Locale.ROOT, "  %s %-12s banner: %-40s style: %s -> %s",
                        a.assetId().substring(0, 10), a.categoryName(), banner, a.styleViolations().isEmpty()
                                ? "on brand" : String.join("; ", a.styleViolations()), st));
                rows.append("<tr><td><code>").append(a.assetId(), 0, 12).append("</code></td><td>")
                        .append(Html.escape(a.categoryName())).append("</td><td>")
                        .append(Html.escape(a.requestedBanner() == null ? "" : a.requestedBanner())).append("</td><td>")
                        .append(Html.escape(banner)).append("</td><td>")
                        .append(Html.escape(a.styleViolations().isEmpty() ? "on brand"
                                : String.join("; ", a.styleViolations())))
                        .append("</td><td>").append(st).append("</td></tr>\n");
            }
            long blocked = assets.stream().filter(CreativeStudio.Asset::bannerBlocked).count();
            write(o.outDir().resolve("contact-sheet.png"), Charts.png(Charts.contactSheet(tiles, 4)));
            f.put("images_generated", assets.size());
            f.put("images_approved", approved);
            f.put("images_rejected", rejected);
            f.put("images_pending", assets.size() - approved - rejected);
            f.put("banners_blocked", blocked);
            f.put("style_violations", violations);
            f.put("attribute_check_fallbacks", studio.uncheckedCount());
            out.println(String.format(Locale.ROOT, "%d images generated and styled (%s brand guide); %d approved, %d"
                    + " rejected, %d pending; %d banner(s) blocked by the policy", assets.size(),
                    studio.guide().name(), approved, rejected, assets.size() - approved - rejected, blocked));
            if (studio.uncheckedCount() > 0) {
                out.println(studio.uncheckedCount() + " image(s) did not pass the attribute check (short training);"
                        + " unchecked samples were used");
            }
            html.append("<h2>Experiment: generated images (28x28 conditional GAN)</h2>\n")
                    .append("<p>Conditional GAN trained for ")
                    .append(String.format(Locale.ROOT, "%.0f", model.trained().trainSeconds())).append(" s (")
                    .append(Html.escape(hyper.getOrDefault("epochs_run", "?"))).append(" epochs) on ")
                    .append(Html.escape(lib.source())).append("; styled with the <code>")
                    .append(Html.escape(studio.guide().name())).append("</code> brand guide; banner copy passed the")
                    .append(" content policy; decisions recorded in the review queue and the audit log. Frames: ")
                    .append("green approved, red rejected, grey pending.")
                    .append(studio.uncheckedCount() == 0 ? "" : " " + studio.uncheckedCount()
                            + " image(s) did not pass the classifier's attribute check after this short training.")
                    .append("</p>\n<img src=\"contact-sheet.png\" alt=\"contact sheet\">\n")
                    .append("<table><tr><th>Asset</th><th>Category</th><th>Banner asked</th><th>Banner shown</th>")
                    .append("<th>Style check</th><th>Review</th></tr>\n").append(rows).append("</table>\n");
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // report

    private static void governanceSection(StringBuilder html, AuditVerification v, List<AuditEntry> entries,
            Path auditDir) {
        html.append("<h2>Governance</h2>\n<p>Audit log <code>").append(Html.escape(auditDir.toString()))
                .append("</code>: ").append(v.valid() ? "hash chain and signatures <b>verified</b>"
                        : "hash chain <b>BROKEN</b>").append(", ").append(v.records()).append(" records, ")
                .append(v.checkpoints()).append(" signed checkpoints.</p>\n")
                .append("<table><tr><th>#</th><th>Type</th><th>Source</th><th>Verdict</th><th>Text shown</th>")
                .append("<th>Findings</th></tr>\n");
        for (AuditEntry e : entries) {
            if (e.type().equals(AuditLog.CHECKPOINT)) {
                continue;
            }
            html.append("<tr><td>").append(e.seq()).append("</td><td>").append(Html.escape(e.type()))
                    .append("</td><td>").append(Html.escape(e.module() + "/" + e.operation())).append("</td><td>")
                    .append(Html.escape(e.verdict())).append("</td><td>").append(Html.escape(e.text()))
                    .append("</td><td>").append(Html.escape(String.join(", ", e.rules()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static List<AuditEntry> readAudit(Path auditDir) {
        List<AuditEntry> out = new ArrayList<>(Governance.read(auditDir, 100_000));
        java.util.Collections.reverse(out);
        return out;
    }

    private static void writeReport(Path dir, StringBuilder body, DemoResult result) {
        StringBuilder h = new StringBuilder(body.length() + 4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>RetailGen demo report")
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;")
                .append("color:#1d2330}table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0 1rem}")
                .append("th,td{border-bottom:1px solid #e2e5ea;padding:.3rem .5rem;text-align:left}")
                .append("code{background:#eef0f3;padding:0 .2rem}.meta{color:#667}img{max-width:100%}</style>\n")
                .append("</head>\n<body>\n<h1>RetailGen SDK: end-to-end demo</h1>\n");
        if (!result.problems().isEmpty()) {
            h.append("<p><b>Parts that failed:</b></p><ul>");
            for (String p : result.problems()) {
                h.append(li(p));
            }
            h.append("</ul>\n");
        }
        h.append(body).append("<h2>Key figures</h2>\n<pre>").append(Html.escape(result.toJson()))
                .append("</pre>\n</body>\n</html>\n");
        write(dir.resolve("index.html"), h.toString().getBytes(StandardCharsets.UTF_8));
        write(dir.resolve("summary.json"), (result.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String li(String text) {
        return "<li>" + Html.escape(text) + "</li>\n";
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot write " + file + ": " + e, e);
        }
    }

    private static BufferedImage readPng(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot decode a stored asset: " + e.getMessage(), e);
        }
    }

    static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        double m = Math.pow(10, digits);
        return Math.round(v * m) / m;
    }

    private static Map<String, Double> roundAll(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, round(v, 4)));
        return out;
    }

    static String json(Object value) {
        return JsonText.write(JSON.writer(), value);
    }
}
