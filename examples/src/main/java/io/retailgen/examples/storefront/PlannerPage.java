package io.retailgen.examples.storefront;

import io.retailgen.examples.Charts;
import io.retailgen.examples.Planner;
import io.retailgen.forecast.FanChart;
import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.InventoryPolicy;
import io.retailgen.forecast.ScenarioSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /planner[?discount=20&lead=2&service=95]}: the forecast fan chart of one series (PNG at
 * {@code /planner/fan-chart.png?discount=20}), a discount-depth what-if from the generative scenario model, and
 * safety stock for a lead time and service level. {@code GET /api/planner} answers the same figures as JSON.
 * Parameters are validated: discount 0 to 60 (percent), lead time 1 to the horizon (months), service level 50.1 to
 * 99.9 (percent).
 */
final class PlannerPage implements StorefrontPage {

    static final double DEFAULT_DISCOUNT = 20;
    static final int DEFAULT_LEAD = 2;
    static final double DEFAULT_SERVICE = 95;
    static final String CHART = "fan-chart.png";

    private final Planner planner;

    PlannerPage(Planner planner) {
        this.planner = planner;
    }

    @Override
    public String path() {
        return "planner";
    }

    @Override
    public String title() {
        return "Planner";
    }

    /** The validated parameters of a request. */
    record Params(double discountPercent, int lead, double servicePercent) {

        String query() {
            return "discount=" + format(discountPercent) + "&lead=" + lead + "&service=" + format(servicePercent);
        }
    }

    Params params(PageRequest request) {
        double discount = number(request, "discount", DEFAULT_DISCOUNT, 0, 100 * Planner.MAX_DEPTH, "invalid_discount",
                "discount must be a number of percent from 0 to " + format(100 * Planner.MAX_DEPTH));
        int horizon = planner.options().horizon();
        double lead = number(request, "lead", DEFAULT_LEAD, 1, horizon, "invalid_lead_time",
                "lead must be a whole number of months from 1 to " + horizon);
        if (lead != Math.rint(lead)) {
            throw PageException.badRequest("invalid_lead_time", "lead must be a whole number of months from 1 to "
                    + horizon, request.query().get("lead"));
        }
        double service = number(request, "service", DEFAULT_SERVICE, 50.1, 99.9, "invalid_service_level",
                "service must be a service level in percent from 50.1 to 99.9");
        return new Params(discount, (int) lead, service);
    }

    private static double number(PageRequest request, String name, double fallback, double min, double max,
            String code, String message) {
        String s = request.query().get(name);
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(s.trim());
            if (Double.isFinite(v) && v >= min && v <= max && s.trim().length() <= 12) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw PageException.badRequest(code, message, s);
    }

    static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    @Override
    public PageResponse page(PageRequest request) {
        request.requireMethod("GET");
        if (request.segments().equals(List.of(CHART))) {
            Params p = params(request);
            return PageResponse.bytes(200, "image/png", Charts.png(chart(p)));
        }
        if (!request.segments().isEmpty()) {
            throw PageException.notFound("not_found", "the planner has one sub-page: " + CHART,
                    String.join("/", request.segments()));
        }
        Params p = params(request);
        Forecast fc = planner.baseline();
        InventoryPolicy stock = planner.inventory(p.lead(), p.servicePercent() / 100);
        Optional<Planner.WhatIf> w = planner.whatIf(p.discountPercent() / 100);
        String series = planner.data().focus().id();
        StringBuilder h = new StringBuilder(8192);
        h.append("<h1>Planner</h1>\n<p class=\"meta\" id=\"planner-series\">").append(Html.escape(series))
                .append(" from ").append(Html.escape(planner.data().source())).append(". ")
                .append(fc.horizon()).append("-month forecast by the statistical ensemble (")
                .append(Html.escape(fc.model())).append("), ").append(fc.scenarios().paths())
                .append(" scenario paths.</p>\n");
        h.append("<img id=\"fan-chart\" src=\"/planner/").append(CHART).append('?').append(Html.escape(p.query()))
                .append("\" alt=\"Fan chart of ").append(Html.escape(series))
                .append(": history, mean forecast and 50, 80 and 95% scenario bands\" width=\"900\" height=\"420\">\n");
        h.append("<form id=\"what-if-form\" method=\"get\" action=\"/planner\" class=\"product\">\n")
                .append("<label>Discount depth (%) <input type=\"number\" id=\"discount\" name=\"discount\" min=\"0\"")
                .append(" max=\"").append(format(100 * Planner.MAX_DEPTH)).append("\" step=\"any\" value=\"")
                .append(format(p.discountPercent())).append("\"></label>\n")
                .append("<label>Lead time (months) <input type=\"number\" id=\"lead\" name=\"lead\" min=\"1\" max=\"")
                .append(fc.horizon()).append("\" step=\"1\" value=\"").append(p.lead()).append("\"></label>\n")
                .append("<label>Service level (%) <input type=\"number\" id=\"service\" name=\"service\"")
                .append(" min=\"50.1\" max=\"99.9\" step=\"any\" value=\"").append(format(p.servicePercent()))
                .append("\"></label>\n<button type=\"submit\" id=\"run-what-if\">Update</button>\n</form>\n");
        if (w.isPresent()) {
            h.append("<div class=\"status ok\" id=\"what-if-result\">").append(Html.escape(String.format(Locale.ROOT,
                    "A %s%% discount over the next %d months changes expected demand by %+.1f%% (generative "
                    + "scenario model; the simulated promotions it learned from have a true effect of %+.1f%%).",
                    format(p.discountPercent()), fc.horizon(), 100 * w.get().lift(), 100 * w.get().simulatedLift())))
                    .append("</div>\n");
        } else {
            h.append("<div class=\"notice\" id=\"what-if-result\">Discount what-if not available: ")
                    .append(Html.escape(planner.generativeNote())).append("</div>\n");
        }
        h.append("<p class=\"meta\" id=\"what-if-note\">").append(Html.escape(planner.generativeNote()))
                .append("</p>\n");
        h.append("<div class=\"status ok\" id=\"safety-stock\">").append(Html.escape(String.format(Locale.ROOT,
                "Safety stock for a lead time of %d month%s at a %s%% cycle service level: %.1f units "
                + "(reorder point %.1f).", p.lead(), p.lead() == 1 ? "" : "s", format(p.servicePercent()),
                stock.safetyStock(), stock.reorderPoint()))).append("</div>\n");
        List<String> labels = futureLabels(planner.data().periods(), fc.horizon());
        ScenarioSet.Interval i80 = fc.scenarios().interval(0.80);
        ScenarioSet.Interval i95 = fc.scenarios().interval(0.95);
        h.append("<table id=\"forecast-table\">\n<thead><tr><th>Period</th><th>Mean</th><th>80% interval</th>")
                .append("<th>95% interval</th>").append(w.isPresent() ? "<th>Mean with discount</th>" : "")
                .append("</tr></thead>\n<tbody>\n");
        double[] mean = fc.mean();
        double[] promo = w.map(x -> x.withDiscount().mean()).orElse(null);
        for (int t = 0; t < fc.horizon(); t++) {
            h.append("<tr><td>").append(Html.escape(labels.get(t))).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f</td><td>%.1f to %.1f</td><td>%.1f to %.1f", mean[t],
                            i80.lower()[t], i80.upper()[t], i95.lower()[t], i95.upper()[t]))
                    .append("</td>");
            if (promo != null) {
                h.append(String.format(Locale.ROOT, "<td>%.1f</td>", promo[t]));
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        return PageResponse.html(200, "Planner", h.toString());
    }

    private java.awt.image.BufferedImage chart(Params p) {
        Forecast fc = planner.baseline();
        List<FanChart.Overlay> overlays = new ArrayList<>();
        planner.whatIf(p.discountPercent() / 100).ifPresent(w -> {
            overlays.add(new FanChart.Overlay("generative, no discount", w.withoutDiscount().mean(), 0x2A6F4E, true));
            overlays.add(new FanChart.Overlay("generative, " + format(p.discountPercent()) + "% off",
                    w.withDiscount().mean(), 0xE08E0B, true));
        });
        return FanChart.render(planner.data().focus().id(), planner.data().focus().values(),
                planner.data().periods(), fc.scenarios(), overlays);
    }

    /** Labels for the forecast steps: the months after the last {@code YYYY-MM} period, else {@code +1, +2, ...}. */
    static List<String> futureLabels(List<String> periods, int horizon) {
        List<String> out = new ArrayList<>(horizon);
        String last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
        if (last != null && last.matches("\\d{4}-\\d{2}")) {
            int y = Integer.parseInt(last.substring(0, 4));
            int m = Integer.parseInt(last.substring(5));
            for (int t = 0; t < horizon; t++) {
                m++;
                if (m > 12) {
                    m = 1;
                    y++;
                }
                out.add(String.format(Locale.ROOT, "%04d-%02d", y, m));
            }
        } else {
            for (int t = 1; t <= horizon; t++) {
                out.add("+" + t);
            }
        }
        return out;
    }

    @Override
    public PageResponse api(PageRequest request) {
        request.requireMethod("GET");
        if (!request.segments().isEmpty()) {
            throw PageException.notFound("not_found", "the planner API has no sub-paths",
                    String.join("/", request.segments()));
        }
        Params p = params(request);
        Forecast fc = planner.baseline();
        InventoryPolicy stock = planner.inventory(p.lead(), p.servicePercent() / 100);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("series", planner.data().focus().id());
        out.put("source", planner.data().source());
        out.put("model", fc.model());
        out.put("horizon", fc.horizon());
        out.put("paths", fc.scenarios().paths());
        out.put("periods", futureLabels(planner.data().periods(), fc.horizon()));
        out.put("mean", fc.mean());
        ScenarioSet.Interval i80 = fc.scenarios().interval(0.80);
        ScenarioSet.Interval i95 = fc.scenarios().interval(0.95);
        out.put("lower80", i80.lower());
        out.put("upper80", i80.upper());
        out.put("lower95", i95.lower());
        out.put("upper95", i95.upper());
        Map<String, Object> inv = new LinkedHashMap<>();
        inv.put("leadTime", p.lead());
        inv.put("serviceLevel", p.servicePercent() / 100);
        inv.put("safetyStock", stock.safetyStock());
        inv.put("reorderPoint", stock.reorderPoint());
        out.put("inventory", inv);
        Optional<Planner.WhatIf> w = planner.whatIf(p.discountPercent() / 100);
        Map<String, Object> wi = new LinkedHashMap<>();
        wi.put("discount", p.discountPercent() / 100);
        wi.put("available", w.isPresent());
        wi.put("note", planner.generativeNote());
        w.ifPresent(x -> {
            wi.put("lift", x.lift());
            wi.put("simulatedLift", x.simulatedLift());
            wi.put("meanWithoutDiscount", x.withoutDiscount().mean());
            wi.put("meanWithDiscount", x.withDiscount().mean());
            wi.put("totalWithoutDiscount", Arrays.stream(x.withoutDiscount().mean()).sum());
            wi.put("totalWithDiscount", Arrays.stream(x.withDiscount().mean()).sum());
        });
        out.put("whatIf", wi);
        return PageResponse.json(200, out);
    }
}
