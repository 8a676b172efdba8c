package io.retailgen.examples.storefront;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.recommend.CatalogItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /product/<id>}: the item and "Next for you" with the reason for each; viewing the page records the view.
 * {@code GET /api/product/<id>[?session=&k=]} answers the same as JSON without recording anything;
 * {@code POST /api/product/<id>} with {@code {"session": "...", "k": 6}} records a view and answers the updated list.
 */
final class ProductPage implements StorefrontPage {

    static final int K = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopService service;

    ProductPage(ShopService service) {
        this.service = service;
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
        h.append("</article>\n<section id=\"next-for-you\">\n<h2>Next for you</h2>\n");
        if (recs.isEmpty()) {
            h.append("<p class=\"empty\">No recommendations yet.</p>\n");
        } else {
            h.append("<ol class=\"recs\">\n");
            for (ShopService.Shown r : recs) {
                h.append("<li class=\"rec\" data-item-id=\"").append(Html.escape(r.itemId())).append("\">")
                        .append("<a class=\"rec-link\" href=\"").append(Html.escape(href(r.itemId()))).append("\">")
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
        return PageResponse.html(200, name, h.toString());
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
