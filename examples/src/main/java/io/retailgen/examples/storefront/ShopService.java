package io.retailgen.examples.storefront;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.examples.Governance;
import io.retailgen.examples.ShopData;
import io.retailgen.recommend.CatalogItem;
import io.retailgen.recommend.EventContext;
import io.retailgen.recommend.EventType;
import io.retailgen.recommend.Interaction;
import io.retailgen.recommend.RecommendModel;
import io.retailgen.recommend.Recommendation;
import io.retailgen.recommend.Recommender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The storefront's use of the SDK: catalog look-ups, click recording, and governed recommendations. */
final class ShopService {

    static final Pattern ITEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final String MODEL_NAME = "storefront-recs";
    static final int MAX_K = 20;
    /** Shown instead of an explanation that the content policy blocked. */
    static final String FALLBACK_REASON = "Recommended for you";

    final ShopData shop;
    final RecommendModel model;
    final Recommender recommender;
    final Governance governance;

    ShopService(ShopData shop, RecommendModel model, Recommender recommender, Governance governance) {
        this.shop = shop;
        this.model = model;
        this.recommender = recommender;
        this.governance = governance;
    }

    /** One recommendation as shown: the explanation has passed the content policy and is in the audit log. */
    record Shown(String itemId, String name, String category, double price, String reason, String signal,
            String verdict, double score, String modelVersion, String requestId) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("itemId", itemId);
            m.put("name", name);
            m.put("category", category);
            m.put("price", Double.isNaN(price) ? null : price);
            m.put("reason", reason);
            m.put("signal", signal);
            m.put("verdict", verdict);
            m.put("score", score);
            m.put("modelVersion", modelVersion);
            m.put("auditRequestId", requestId);
            return m;
        }
    }

    /**
     * @param itemId an item id from a request
     * @return the catalog item
     * @throws PageException 400 for a malformed id, 404 for one not in the catalog
     */
    CatalogItem item(String itemId) {
        if (itemId == null || itemId.isEmpty()) {
            throw PageException.badRequest("missing_item_id", "an item id is required, such as "
                    + shop.featured().get(0), itemId);
        }
        if (!ITEM_ID.matcher(itemId).matches()) {
            throw PageException.badRequest("invalid_item_id", "item ids are 1 to 64 characters from A-Z a-z 0-9 . _ : -"
                    + " starting with a letter or digit", itemId);
        }
        return shop.catalog().item(itemId).orElseThrow(() -> PageException.notFound("unknown_item",
                "unknown item id (the catalog has " + shop.catalog().size() + " items)", itemId));
    }

    /**
     * @param sessionId a session id from a request
     * @return the id
     * @throws PageException 400 when it is malformed
     */
    static String checkSession(String sessionId) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw PageException.badRequest("invalid_session_id",
                    "session ids are 8 to 64 characters from A-Z a-z 0-9 _ -", sessionId);
        }
        return sessionId;
    }

    /**
     * @param k a list length from a request, or null
     * @param fallback the length when absent
     * @return the length
     * @throws PageException 400 when it is not an integer in 1..{@value #MAX_K}
     */
    static int checkK(String k, int fallback) {
        if (k == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(k);
            if (v >= 1 && v <= MAX_K) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PageException.badRequest("invalid_k", "k must be an integer from 1 to " + MAX_K, k);
    }

    /** Records that the session viewed the item (the item must exist). */
    void view(String sessionId, String itemId) {
        recommender.observe(new Interaction(sessionId, itemId, System.currentTimeMillis() / 1000.0, EventType.VIEW,
                EventContext.NONE));
    }

    /**
     * The next items for a session on an item's page, the page's own item left out. Every explanation goes through
     * the governance chain; a blocked one is replaced by {@value #FALLBACK_REASON}.
     *
     * @param sessionId the session, or null for an anonymous visitor (then: items viewed with this one)
     * @param currentItem the item of the page
     * @param k how many
     * @return the list
     */
    List<Shown> recommend(String sessionId, String currentItem, int k) {
        List<Recommendation> recs = sessionId == null
                ? recommender.recommendFor(List.of(currentItem), k + 1, EventContext.NONE)
                : recommender.recommend(sessionId, k + 1, EventContext.NONE);
        List<Shown> out = new ArrayList<>(k);
        String principal = sessionId == null ? "anonymous" : "session:" + digest(sessionId);
        for (Recommendation r : recs) {
            if (r.itemId().equals(currentItem) || out.size() == k) {
                continue;
            }
            GenerationRequest request = GenerationRequest.builder()
                    .module("recommend").operation("explanation")
                    .text(r.explanation())
                    .model(MODEL_NAME, r.modelVersion())
                    .principal(principal)
                    .attribute("itemId", r.itemId())
                    .build();
            GenerationResponse response = governance.screen(request);
            String reason = response.blocked() || response.text() == null ? FALLBACK_REASON : response.text();
            CatalogItem item = shop.catalog().item(r.itemId()).orElse(null);
            out.add(new Shown(r.itemId(), shop.displayName(r.itemId()), item == null ? "" : item.category(),
                    item == null ? Double.NaN : item.price(), reason, r.signal().name(),
                    response.verdict().name(), r.score(), r.modelVersion(), request.requestId()));
        }
        return out;
    }

    /** A short, stable pseudonym for a session id, so that the audit log never holds the cookie value. */
    static String digest(String sessionId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
