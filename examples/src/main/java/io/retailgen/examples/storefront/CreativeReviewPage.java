package io.retailgen.examples.storefront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.datasets.LumaCatalog;
import io.retailgen.examples.CreativeStudio;
import io.retailgen.examples.LumaStore;
import io.retailgen.imagegen.ReviewQueue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /creative-review}: colourway variants of real product photos (when the storefront runs on the Luma catalog:
 * each beside its source photo and the real photo in the target colourway) and a real photo on the brand background,
 * then, as one clearly labelled
 * experiment, images of the 28x28 GAN styled by the brand guide, each with its banner copy (or
 * the policy's block), its style check and its review status, and Approve / Reject buttons for pending ones once a
 * reviewer has signed in. A decision is a form {@code POST /creative-review/decide} ({@code csrf, asset,
 * decision=approve|reject, comment}); the reviewer is the one signed in to the session, never a form field. It is
 * recorded in the imagegen {@code ReviewQueue} and in the audit log. Images are served at
 * {@code /creative-review/asset/<id>.png}. JSON: {@code GET /api/creative-review} lists the assets,
 * {@code POST /api/creative-review/<id>} with {@code {"decision": "approve", "comment": "..."}} (and the signed-in
 * session's cookie and {@code X-CSRF-Token}) decides one.
 */
final class CreativeReviewPage implements StorefrontPage {

    static final Pattern ASSET_ID = Pattern.compile("[0-9a-f]{64}");
    static final String DEFAULT_REVIEWER = "store-reviewer";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CreativeStudio studio;
    private final LumaStore luma;

    /**
     * @param studio the studio whose assets are reviewed
     * @param luma the catalog whose photos colourway variants were made from, or null
     */
    CreativeReviewPage(CreativeStudio studio, LumaStore luma) {
        this.studio = studio;
        this.luma = luma;
    }

    @Override
    public String path() {
        return "creative-review";
    }

    @Override
    public String title() {
        return "Creative review";
    }

    @Override
    public PageResponse page(PageRequest request) {
        List<String> seg = request.segments();
        if (seg.size() == 2 && seg.get(0).equals("asset")) {
            request.requireMethod("GET");
            String file = seg.get(1);
            String id = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
            return PageResponse.bytes(200, "image/png", studio.preview(known(id).assetId()));
        }
        if (seg.equals(List.of("decide"))) {
            request.requireMethod("POST");
            Map<String, String> form = StorefrontApp.query(request.body());
            CreativeStudio.Asset a = known(form.get("asset"));
            ReviewQueue.Decision d = decide(a, form.get("decision"), reviewer(request, form.get("reviewer")),
                    form.get("comment"));
            String message = (d.status() == ReviewQueue.Status.APPROVED ? "Approved" : "Rejected") + " the "
                    + a.categoryName() + " image " + a.assetId().substring(0, 12) + " as " + d.reviewer()
                    + "; the decision is in the audit log.";
            return list("<div class=\"status ok\" id=\"review-status\">" + Html.escape(message) + "</div>\n",
                    request);
        }
        if (!seg.isEmpty()) {
            throw PageException.notFound("not_found", "creative review sub-pages: asset/<id>.png, decide",
                    String.join("/", seg));
        }
        request.requireMethod("GET");
        return list("", request);
    }

    private PageResponse list(String flash, PageRequest request) {
        List<CreativeStudio.Asset> assets = studio.assets();
        List<CreativeStudio.Asset> colourways = assets.stream().filter(a -> a.photoVariant() != null
                && a.photoVariant().isColourway()).toList();
        List<CreativeStudio.Asset> backgrounds = assets.stream().filter(a -> a.photoVariant() != null
                && !a.photoVariant().isColourway()).toList();
        List<CreativeStudio.Asset> generated = assets.stream().filter(a -> a.photoVariant() == null).toList();
        long pending = assets.stream().filter(a -> studio.status(a.assetId()) == ReviewQueue.Status.PENDING).count();
        StringBuilder h = new StringBuilder(16384);
        h.append("<h1>Creative review</h1>\n").append(flash).append("<p class=\"meta\" id=\"review-summary\">");
        List<String> real = new ArrayList<>();
        if (!colourways.isEmpty()) {
            real.add(colourways.size() + " colourway variants of real product photos");
        }
        if (!backgrounds.isEmpty()) {
            real.add(backgrounds.size() + (backgrounds.size() == 1 ? " background variant" : " background variants"));
        }
        if (!real.isEmpty()) {
            h.append(String.join(", ", real)).append(" and ");
        }
        h.append(generated.size()).append(real.isEmpty() ? " generated images styled with the <code>"
                        : " images of the GAN experiment, styled with the <code>")
                .append(Html.escape(studio.guide().name()))
                .append("</code> brand guide; ").append(pending).append(" waiting for review. Banner copy passed the ")
                .append("content policy; every decision is written to the audit log.</p>\n");
        if (request.reviewer() == null && pending > 0) {
            h.append("<p class=\"status\" id=\"review-sign-in\"><a href=\"/sign-in\">Sign in as a reviewer</a> to"
                    + " approve or reject images.</p>\n");
        }
        if (!colourways.isEmpty()) {
            h.append("<h2 id=\"colourways-heading\">Colourway variants of real products</h2>\n<p class=\"meta\">")
                    .append("Each variant recolours a catalog photo at full resolution (the classical product ")
                    .append("segmenter, then <code>ImageVariations.recolor</code>) to the colour card of the ")
                    .append("product's other colourway; the real photo in that colourway is shown beside it. ")
                    .append("Variants are stored with their source photo as lineage parent.</p>\n")
                    .append("<ul class=\"recs colourways\" id=\"colourways\">\n");
            for (CreativeStudio.Asset a : colourways) {
                colourwayCard(a, h);
                reviewControls(a, request, h);
            }
            h.append("</ul>\n");
        }
        if (!backgrounds.isEmpty()) {
            h.append("<h2 id=\"backgrounds-heading\">Real products on the brand background</h2>\n<p class=\"meta\">")
                    .append("The studio white replaced by the <code>").append(Html.escape(studio.guide().name()))
                    .append("</code> guide's background (sdk-imagegen <code>PhotoVariants.background</code>) at full ")
                    .append("resolution, checked by the style validator.</p>\n")
                    .append("<ul class=\"recs colourways\" id=\"backgrounds\">\n");
            for (CreativeStudio.Asset a : backgrounds) {
                backgroundCard(a, h);
                reviewControls(a, request, h);
            }
            h.append("</ul>\n");
        }
        h.append("<section class=\"experiment\" id=\"gan-experiment\">\n<h2 id=\"experiment-heading\">")
                .append("Experiment: 28x28 conditional GAN</h2>\n<p class=\"meta\">An experiment, not product ")
                .append("imagery: a small class-conditional GAN draws 28x28 grey silhouettes (Fashion-MNIST or ")
                .append("generated shapes), which the brand guide pads, colours and scales up.</p>\n")
                .append("<ul class=\"recs\" id=\"assets\">\n");
        for (CreativeStudio.Asset a : generated) {
            h.append("<li class=\"rec asset\" data-asset-id=\"").append(a.assetId()).append("\" data-status=\"")
                    .append(studio.status(a.assetId())).append("\">\n<img src=\"/creative-review/asset/")
                    .append(a.assetId()).append(".png\" alt=\"Generated ").append(Html.escape(a.categoryName()))
                    .append(" image\" width=\"200\">\n<div class=\"asset-category rec-link\">")
                    .append(Html.escape(a.categoryName())).append("</div>\n");
            banner(a, "Banner: ", h);
            h.append("<div class=\"asset-style meta\">").append(Html.escape(a.styleViolations().isEmpty()
                    ? "Style check: on brand" : "Style check: " + String.join("; ", a.styleViolations())))
                    .append(a.attributeChecked() ? "" : "; attribute check not passed").append("</div>\n");
            reviewControls(a, request, h);
        }
        h.append("</ul>\n</section>\n");
        return PageResponse.html(200, "Creative review", h.toString());
    }

    /** The source photo, the variant and the real photo in the target colourway, with the variant's facts. */
    private void colourwayCard(CreativeStudio.Asset a, StringBuilder h) {
        CreativeStudio.PhotoVariant c = a.photoVariant();
        h.append("<li class=\"rec asset colourway\" data-asset-id=\"").append(a.assetId())
                .append("\" data-status=\"").append(studio.status(a.assetId())).append("\" data-style=\"")
                .append(Html.escape(c.style())).append("\">\n<div class=\"asset-category rec-link\">")
                .append(Html.escape(c.productName())).append("</div>\n<div class=\"colourway-set\">");
        if (luma != null) {
            photo(c.style(), c.view(), c.fromColour()).ifPresent(p -> figure(PhotoPage.href(luma, p),
                    "source-photo", "Source: " + c.fromColour(), h));
        }
        figure("/creative-review/asset/" + a.assetId() + ".png", "variant", "Variant: " + c.toColour() + " "
                + c.swatch(), h);
        if (luma != null) {
            photo(c.style(), c.view(), c.toColour()).ifPresent(p -> figure(PhotoPage.href(luma, p), "real-photo",
                    "Real " + c.toColour() + " photo", h));
        }
        h.append("</div>\n<div class=\"asset-swatch meta\">Target colour <code>").append(Html.escape(c.swatch()))
                .append("</code> (colour card of the ").append(Html.escape(c.toColour())).append(" colourway); ")
                .append(c.width()).append("x").append(c.height()).append(" px, ")
                .append(String.format(Locale.ROOT, "%.0f%% of the pixels recoloured in %.2f s", 100 * c.maskShare(),
                        c.seconds())).append("</div>\n");
        banner(a, "Description: ", h);
    }

    /** The source photo and the variant, with the variant's facts and style check. */
    private void backgroundCard(CreativeStudio.Asset a, StringBuilder h) {
        CreativeStudio.PhotoVariant v = a.photoVariant();
        h.append("<li class=\"rec asset background\" data-asset-id=\"").append(a.assetId())
                .append("\" data-status=\"").append(studio.status(a.assetId())).append("\" data-style=\"")
                .append(Html.escape(v.style())).append("\">\n<div class=\"asset-category rec-link\">")
                .append(Html.escape(v.productName())).append("</div>\n<div class=\"colourway-set\">");
        if (luma != null) {
            photo(v.style(), v.view(), v.fromColour()).ifPresent(p -> figure(PhotoPage.href(luma, p),
                    "source-photo", "Source: " + v.fromColour() + " " + v.view(), h));
        }
        figure("/creative-review/asset/" + a.assetId() + ".png", "variant", "Background from " + v.swatch(), h);
        h.append("</div>\n<div class=\"asset-swatch meta\">").append(v.width()).append("x").append(v.height())
                .append(String.format(Locale.ROOT, " px, %.0f%% of the pixels changed in %.2f s", 100 * v.maskShare(),
                        v.seconds())).append("</div>\n<div class=\"asset-style meta\">")
                .append(Html.escape(a.styleViolations().isEmpty() ? "Style check: on brand"
                        : "Style check: " + String.join("; ", a.styleViolations()))).append("</div>\n");
        banner(a, "Description: ", h);
    }

    private java.util.Optional<LumaCatalog.Photo> photo(String style, String view, String colour) {
        return luma.photos(style).stream().filter(p -> p.view().equals(view) && p.colour().equals(colour))
                .findFirst();
    }

    private static void figure(String src, String cssClass, String caption, StringBuilder h) {
        h.append("<figure class=\"").append(cssClass).append("\"><img class=\"thumb\" src=\"")
                .append(Html.escape(src)).append("\" alt=\"").append(Html.escape(caption))
                .append("\" width=\"200\"><figcaption>").append(Html.escape(caption)).append("</figcaption></figure>");
    }

    private static void banner(CreativeStudio.Asset a, String label, StringBuilder h) {
        if (a.bannerBlocked()) {
            h.append("<div class=\"asset-banner blocked\">").append(Html.escape(label))
                    .append("blocked by the content policy (").append(Html.escape(String.join(", ", a.findings())))
                    .append(")</div>\n");
        } else {
            h.append("<div class=\"asset-banner\">").append(Html.escape(label)).append(Html.escape(
                    a.bannerShown() == null ? "none" : a.bannerShown())).append("</div>\n");
        }
    }

    /** The status, then the decision form for a signed-in reviewer or the decision made; closes the card. */
    private void reviewControls(CreativeStudio.Asset a, PageRequest request, StringBuilder h) {
        ReviewQueue.Status st = studio.status(a.assetId());
        h.append("<div class=\"asset-status\">").append(st).append("</div>\n");
        if (st == ReviewQueue.Status.PENDING) {
            if (request.reviewer() != null) {
                h.append("<form method=\"post\" action=\"/creative-review/decide\" class=\"review-form\">")
                        .append(request.csrfField())
                        .append("<input type=\"hidden\" name=\"asset\" value=\"").append(a.assetId()).append("\">")
                        .append("<label>Comment <input name=\"comment\" maxlength=\"")
                        .append(CreativeStudio.MAX_COMMENT).append("\"></label> ")
                        .append("<button type=\"submit\" name=\"decision\" value=\"approve\" class=\"approve\">")
                        .append("Approve</button> <button type=\"submit\" name=\"decision\" value=\"reject\"")
                        .append(" class=\"reject\">Reject</button></form>\n");
            }
        } else {
            List<ReviewQueue.Decision> hist = studio.history(a.assetId());
            ReviewQueue.Decision last = hist.get(hist.size() - 1);
            h.append("<div class=\"asset-decision reason\">").append(Html.escape(st + " by " + last.reviewer()
                    + (last.comment() == null || last.comment().isEmpty() ? "" : ": " + last.comment())))
                    .append("</div>\n");
        }
        h.append("</li>\n");
    }

    private CreativeStudio.Asset known(String id) {
        if (id == null || !ASSET_ID.matcher(id).matches()) {
            throw PageException.badRequest("invalid_asset_id", "asset ids are 64 lower-case hex digits", id);
        }
        CreativeStudio.Asset a = studio.asset(id);
        if (a == null) {
            throw PageException.notFound("unknown_asset", "no generated asset has this id ("
                    + studio.assets().size() + " assets)", id);
        }
        return a;
    }

    /**
     * The reviewer is whoever signed in to the session; a request may repeat that name but never choose another.
     *
     * @throws PageException 403 when no reviewer is signed in, 400 when the request names someone else
     */
    private static String reviewer(PageRequest request, String named) {
        String who = request.reviewer();
        if (who == null) {
            throw new PageException(403, "not_signed_in", "only a signed-in reviewer can decide: sign in at"
                    + " /sign-in first", null);
        }
        if (named != null && !named.trim().equals(who)) {
            throw PageException.badRequest("reviewer_mismatch", "the reviewer is the one signed in to this session ("
                    + who + "), not one named in the request", named);
        }
        return who;
    }

    private ReviewQueue.Decision decide(CreativeStudio.Asset a, String decision, String reviewer, String comment) {
        boolean approve;
        if ("approve".equals(decision)) {
            approve = true;
        } else if ("reject".equals(decision)) {
            approve = false;
        } else {
            throw PageException.badRequest("invalid_decision", "decision must be 'approve' or 'reject'", decision);
        }
        String who = reviewer == null ? "" : reviewer.trim();
        if (!CreativeStudio.REVIEWER.matcher(who).matches()) {
            throw PageException.badRequest("invalid_reviewer", "reviewer must be 1 to 40 letters, digits, spaces or"
                    + " . _ -, starting with a letter or digit", reviewer);
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > CreativeStudio.MAX_COMMENT) {
            throw PageException.badRequest("invalid_comment", "comment must be at most " + CreativeStudio.MAX_COMMENT
                    + " characters, was " + text.length(), null);
        }
        try {
            return studio.decide(a.assetId(), approve, who, text);
        } catch (IllegalStateException e) {
            throw new PageException(409, "already_decided", "this image was already decided: "
                    + studio.status(a.assetId()), a.assetId());
        }
    }

    private Map<String, Object> json(CreativeStudio.Asset a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("assetId", a.assetId());
        m.put("category", a.category());
        m.put("categoryName", a.categoryName());
        m.put("bannerRequested", a.requestedBanner());
        m.put("bannerShown", a.bannerShown());
        m.put("bannerBlocked", a.bannerBlocked());
        m.put("findings", a.findings());
        m.put("styleViolations", a.styleViolations());
        m.put("attributeChecked", a.attributeChecked());
        m.put("modelVersion", a.modelVersion());
        m.put("seed", a.seed());
        m.put("status", studio.status(a.assetId()).name());
        m.put("image", "/creative-review/asset/" + a.assetId() + ".png");
        CreativeStudio.PhotoVariant c = a.photoVariant();
        m.put("kind", c == null ? "generated" : c.isColourway() ? "colourway" : c.operation());
        if (c != null) {
            Map<String, Object> cw = new LinkedHashMap<>();
            cw.put("style", c.style());
            cw.put("product", c.productName());
            cw.put("view", c.view());
            cw.put("from", c.fromColour());
            cw.put("to", c.toColour());
            cw.put("swatch", c.swatch());
            cw.put("seconds", c.seconds());
            cw.put("maskShare", c.maskShare());
            cw.put("width", c.width());
            cw.put("height", c.height());
            cw.put("sourceAsset", c.sourceAsset());
            m.put(c.isColourway() ? "colourway" : "variant", cw);
        }
        return m;
    }

    @Override
    public PageResponse api(PageRequest request) {
        List<String> seg = request.segments();
        if (seg.isEmpty()) {
            request.requireMethod("GET");
            List<Map<String, Object>> list = new ArrayList<>();
            for (CreativeStudio.Asset a : studio.assets()) {
                list.add(json(a));
            }
            return PageResponse.json(200, Map.of("assets", list));
        }
        if (seg.size() != 1) {
            throw PageException.notFound("not_found", "use /api/creative-review or /api/creative-review/<asset id>",
                    String.join("/", seg));
        }
        request.requireMethod("GET", "POST");
        CreativeStudio.Asset a = known(seg.get(0));
        if (request.method().equals("GET")) {
            return PageResponse.json(200, json(a));
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            throw PageException.badRequest("invalid_json", "the body must be a JSON object such as"
                    + " {\"decision\": \"approve\", \"comment\": \"on brand\"}", null);
        }
        if (body == null || !body.isObject()) {
            throw PageException.badRequest("invalid_json", "the body must be a JSON object", null);
        }
        ReviewQueue.Decision d = decide(a, text(body, "decision"), reviewer(request, text(body, "reviewer")),
                text(body, "comment"));
        Map<String, Object> out = json(a);
        out.put("reviewer", d.reviewer());
        out.put("comment", d.comment());
        out.put("decidedAt", d.time().toString());
        return PageResponse.json(200, out);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }
}
