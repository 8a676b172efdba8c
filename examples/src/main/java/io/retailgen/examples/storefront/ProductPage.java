package io.retailgen.examples.storefront;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.datasets.LumaCatalog;
import io.retailgen.examples.LumaStore;
import io.retailgen.recommend.CatalogItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /product/<id>}: the item and "Next for you" with the reason for each; viewing the page records the view.
 * With the Luma catalog the page also shows the product's photos (main photo, its colourways and views), its copy,
 * its attributes and its customer reviews, and each recommendation its photo.
 * {@code GET /api/product/<id>[?session=&k=]} answers the same as JSON without recording anything;
 * {@code POST /api/product/<id>} with {@code {"session": "...", "k": 6}} records a view and answers the updated list.
 */
final class ProductPage implements StorefrontPage {

    static final int K = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopService service;
    private final LumaStore luma;

    /**
     * @param service the shop
     * @param luma the Luma catalog the shop was built from (photos, copy, attributes, reviews), or null
     */
    ProductPage(ShopService service, LumaStore luma) {
        this.service = service;
        this.luma = luma;
    }

    @Override
    public String path() {
        return "product";
    }

    @Override
    public String title() {
        return "Product";
    }

    @Override
    public boolean inNavigation() {
        return false;
    }

    @Override
    public PageResponse page(PageRequest request) {
        request.requireMethod("GET");
        CatalogItem item = service.item(itemId(request));
        String session = ShopService.checkSession(request.sessionId());
        service.view(session, item.itemId());
        List<ShopService.Shown> recs = service.recommend(session, item.itemId(), K);
        String name = service.shop.displayName(item.itemId());
        StringBuilder h = new StringBuilder(4096);
        h.append("<p class=\"crumbs\"><a href=\"/\">Home</a> &rsaquo; ").append(Html.escape(orDash(item.category())))
                .append("</p>\n");
        h.append("<article class=\"product\" data-item-id=\"").append(Html.escape(item.itemId())).append("\">\n");
        h.append("<h1 id=\"product-name\">").append(Html.escape(name)).append("</h1>\n");
        h.append("<p class=\"category\">").append(Html.escape(orDash(item.category()))).append("</p>\n");
        if (!Double.isNaN(item.price())) {
            h.append("<p class=\"price\">").append(String.format(Locale.ROOT, "%.2f", item.price())).append("</p>\n");
        }
        h.append("<p class=\"stock\">").append(item.inStock() ? "In stock" : "Out of stock").append("</p>\n");
        LumaCatalog.Product product = luma == null ? null : luma.product(item.itemId());
        if (product != null) {
            lumaDetails(product, h);
        }
        h.append("</article>\n<section id=\"next-for-you\">\n<h2>Next for you</h2>\n");
        if (recs.isEmpty()) {
            h.append("<p class=\"empty\">No recommendations yet.</p>\n");
        } else {
            h.append("<ol class=\"recs\">\n");
            for (ShopService.Shown r : recs) {
                h.append("<li class=\"rec\" data-item-id=\"").append(Html.escape(r.itemId())).append("\">");
                thumbnail(r.itemId(), h);
                h.append("<a class=\"rec-link\" href=\"").append(Html.escape(href(r.itemId()))).append("\">")
                        .append(Html.escape(r.name())).append("</a>")
                        .append(" <span class=\"rec-category\">").append(Html.escape(orDash(r.category())))
                        .append("</span>")
                        .append("<p class=\"reason\">").append(Html.escape(r.reason())).append("</p>")
                        .append("<p class=\"meta\">signal ").append(Html.escape(r.signal()))
                        .append(" &middot; policy ").append(Html.escape(r.verdict())).append("</p></li>\n");
            }
            h.append("</ol>\n");
        }
        h.append("<p class=\"meta\">Model ").append(Html.escape(service.recommender.modelVersion()))
                .append(". Every reason above passed the content policy and is in the <a href=\"/audit\">audit log</a>.")
                .append("</p>\n</section>\n");
        if (product != null) {
            reviews(product, h);
        }
        return PageResponse.html(200, name, h.toString());
    }

    /** The main photo, the colourways with their photos, the product copy and the attributes. */
    private void lumaDetails(LumaCatalog.Product product, StringBuilder h) {
        luma.mainPhoto(product.style()).ifPresent(p -> h.append("<img class=\"photo product-photo\"")
                .append(" id=\"product-photo\"")
                .append(" src=\"").append(Html.escape(PhotoPage.href(luma, p))).append("\" alt=\"")
                .append(Html.escape(product.name() + ", " + p.colour())).append("\" width=\"")
                .append(PhotoPage.WIDTH).append("\">\n"));
        if (!product.colours().isEmpty()) {
            h.append("<p class=\"colours\" id=\"product-colours\">Colours: ")
                    .append(Html.escape(String.join(", ", product.colours()))).append("</p>\n");
        }
        List<LumaCatalog.Photo> views = luma.photos(product.style()).stream()
                .filter(p -> !p.colour().equals("default")).toList();
        if (views.size() > 1) {
            h.append("<div class=\"colourway-set\" id=\"product-views\">");
            for (LumaCatalog.Photo p : views.subList(0, Math.min(6, views.size()))) {
                h.append("<figure><img class=\"thumb\" src=\"").append(Html.escape(PhotoPage.href(luma, p)))
                        .append("\" alt=\"").append(Html.escape(p.colour() + ", " + p.view()))
                        .append("\" width=\"120\">")
                        .append("<figcaption>").append(Html.escape(p.colour() + " · " + p.view()))
                        .append("</figcaption></figure>");
            }
            h.append("</div>\n");
        }
        if (!product.description().isEmpty()) {
            h.append("<p class=\"copy\" id=\"product-copy\">").append(Html.escape(product.description()))
                    .append("</p>\n");
        }
        if (!product.attributes().isEmpty()) {
            h.append("<table id=\"product-attributes\">");
            product.attributes().forEach((k, v) -> h.append("<tr><th>").append(Html.escape(k.replace('_', ' ')))
                    .append("</th><td>").append(Html.escape(v.replace("|", ", "))).append("</td></tr>"));
            h.append("</table>\n");
        }
    }

    private void reviews(LumaCatalog.Product product, StringBuilder h) {
        List<LumaCatalog.Review> reviews = luma.reviews(product.style());
        h.append("<section id=\"reviews\">\n<h2>Reviews</h2>\n");
        if (reviews.isEmpty()) {
            h.append("<p class=\"empty\">No reviews yet.</p>\n</section>\n");
            return;
        }
        double mean = reviews.stream().mapToInt(LumaCatalog.Review::rating).average().orElse(0);
        h.append("<p class=\"meta\" id=\"review-average\">").append(String.format(Locale.ROOT, "%.1f", mean))
                .append(" of 5 stars from ").append(reviews.size()).append(reviews.size() == 1 ? " review" : " reviews")
                .append("</p>\n<ul class=\"reviews\">\n");
        for (LumaCatalog.Review r : reviews) {
            h.append("<li class=\"review\"><span class=\"stars\">").append("\u2605".repeat(r.rating()))
                    .append("\u2606".repeat(5 - r.rating())).append("</span> <b>").append(Html.escape(r.title()))
                    .append("</b><p class=\"copy\">").append(Html.escape(r.text())).append("</p></li>\n");
        }
        h.append("</ul>\n</section>\n");
    }

    private void thumbnail(String style, StringBuilder h) {
        if (luma != null) {
            luma.mainPhoto(style).ifPresent(p -> h.append("<img class=\"thumb\" src=\"")
                    .append(Html.escape(PhotoPage.href(luma, p))).append("\" alt=\"\" width=\"200\">"));
        }
    }

    @Override
    public PageResponse api(PageRequest request) {
        request.requireMethod("GET", "POST");
        CatalogItem item = service.item(itemId(request));
        String session;
        int k;
        boolean recorded = false;
        if (request.method().equals("GET")) {
            String q = request.query().get("session");
            session = q != null ? ShopService.checkSession(q) : request.sessionId();
            k = ShopService.checkK(request.query().get("k"), K);
        } else {
            JsonNode body = parseBody(request.body());
            JsonNode s = body.get("session");
            if (s != null && !s.isTextual()) {
                throw PageException.badRequest("invalid_session_id", "session must be a string", s.toString());
            }
            session = s != null ? ShopService.checkSession(s.asText()) : request.sessionId();
            if (session == null) {
                throw PageException.badRequest("missing_session", "a session is required: send {\"session\": \"...\"}"
                        + " or the rg_session cookie", null);
            }
            JsonNode kn = body.get("k");
            k = ShopService.checkK(kn == null ? null : kn.asText(), K);
            service.view(session, item.itemId());
            recorded = true;
        }
        List<ShopService.Shown> recs = service.recommend(session, item.itemId(), k);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("item", itemJson(item));
        out.put("viewRecorded", recorded);
        out.put("modelVersion", service.recommender.modelVersion());
        out.put("recommendations", recs.stream().map(ShopService.Shown::toJson).toList());
        return PageResponse.json(200, out);
    }

    private Map<String, Object> itemJson(CatalogItem item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemId", item.itemId());
        m.put("name", service.shop.displayName(item.itemId()));
        m.put("category", item.category());
        m.put("price", Double.isNaN(item.price()) ? null : item.price());
        m.put("inStock", item.inStock());
        if (luma != null) {
            luma.mainPhoto(item.itemId()).ifPresent(p -> m.put("photo", PhotoPage.href(luma, p)));
            m.put("reviews", luma.reviews(item.itemId()).size());
        }
        return m;
    }

    private static JsonNode parseBody(String body) {
        if (body.isBlank()) {
            throw PageException.badRequest("invalid_json", "the request body must be a JSON object", body);
        }
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || !n.isObject()) {
                throw PageException.badRequest("invalid_json", "the request body must be a JSON object", body);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw PageException.badRequest("invalid_json", "the request body is not valid JSON: "
                    + e.getOriginalMessage(), body);
        }
    }

    private static String itemId(PageRequest request) {
        if (request.segments().size() > 1) {
            throw PageException.notFound("not_found", "a product address has one segment: /product/<item id>",
                    String.join("/", request.segments()));
        }
        return request.segments().isEmpty() ? "" : request.segments().get(0);
    }

    static String href(String itemId) {
        return "/product/" + URLEncoder.encode(itemId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "Uncategorised" : s;
    }
}
