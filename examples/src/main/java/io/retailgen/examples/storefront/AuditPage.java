package io.retailgen.examples.storefront;

import io.retailgen.examples.AuditEntry;
import io.retailgen.examples.Governance;
import io.retailgen.governance.audit.AuditVerification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /audit[?limit=N]}: the newest audit-log records and whether the hash chain and signed checkpoints verify.
 * {@code GET /api/audit[?limit=N]} answers {@code {"verification": {...}, "records": [...]}}.
 */
final class AuditPage implements StorefrontPage {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final Governance governance;

    AuditPage(Governance governance) {
        this.governance = governance;
    }

    @Override
    public String path() {
        return "audit";
    }

    @Override
    public String title() {
        return "Audit log";
    }

    @Override
    public PageResponse page(PageRequest request) {
        request.requireMethod("GET");
        requireNoSegments(request);
        int limit = limit(request);
        AuditVerification v = governance.verify();
        List<AuditEntry> entries = governance.recent(limit);
        StringBuilder h = new StringBuilder(8192);
        h.append("<h1>Audit log</h1>\n");
        if (v.valid()) {
            h.append("<div class=\"status ok\" id=\"chain-status\">Hash chain verified: ").append(v.records())
                    .append(" records, ").append(v.checkpoints()).append(" signed checkpoints, ")
                    .append(v.unsignedTail()).append(" records after the last checkpoint.</div>\n");
        } else {
            h.append("<div class=\"status bad\" id=\"chain-status\">Hash chain BROKEN: ").append(v.problems().size())
                    .append(" problems.<ul>");
            for (String p : v.problems()) {
                h.append("<li>").append(Html.escape(p)).append("</li>");
            }
            h.append("</ul></div>\n");
        }
        h.append("<p class=\"meta\">Directory ").append(Html.escape(governance.directory().toString()))
                .append("; newest ").append(entries.size()).append(" records first.</p>\n");
        h.append("<table id=\"audit-records\">\n<thead><tr><th>#</th><th>Time</th><th>Type</th><th>Verdict</th>"
                + "<th>Source</th><th>Model</th><th>Text shown</th><th>Findings</th></tr></thead>\n<tbody>\n");
        for (AuditEntry e : entries) {
            h.append("<tr class=\"audit-record\" data-seq=\"").append(e.seq()).append("\"><td>").append(e.seq())
                    .append("</td><td>").append(Html.escape(e.time()))
                    .append("</td><td>").append(Html.escape(e.type()))
                    .append("</td><td class=\"verdict\">").append(Html.escape(e.verdict()))
                    .append("</td><td>").append(Html.escape(e.module().isEmpty() ? "" : e.module() + "/"
                            + e.operation()))
                    .append("</td><td>").append(Html.escape(e.model()))
                    .append("</td><td class=\"text\">").append(Html.escape(e.text()))
                    .append("</td><td>").append(Html.escape(String.join(", ", e.rules())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        return PageResponse.html(200, "Audit log", h.toString());
    }

    @Override
    public PageResponse api(PageRequest request) {
        request.requireMethod("GET");
        requireNoSegments(request);
        int limit = limit(request);
        AuditVerification v = governance.verify();
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> ver = new LinkedHashMap<>();
        ver.put("valid", v.valid());
        ver.put("records", v.records());
        ver.put("checkpoints", v.checkpoints());
        ver.put("unsignedTail", v.unsignedTail());
        ver.put("problems", v.problems());
        out.put("verification", ver);
        out.put("records", governance.recent(limit));
        return PageResponse.json(200, out);
    }

    private static void requireNoSegments(PageRequest request) {
        if (!request.segments().isEmpty()) {
            throw PageException.notFound("not_found", "the audit page has no sub-pages",
                    String.join("/", request.segments()));
        }
    }

    private static int limit(PageRequest request) {
        String s = request.query().get("limit");
        if (s == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int v = Integer.parseInt(s);
            if (v >= 1 && v <= MAX_LIMIT) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PageException.badRequest("invalid_limit", "limit must be an integer from 1 to " + MAX_LIMIT, s);
    }
}
