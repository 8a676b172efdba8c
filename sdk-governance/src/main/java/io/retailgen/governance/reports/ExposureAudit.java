package io.retailgen.governance.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.retailgen.core.util.JsonText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Exposure of item groups in ranked lists under the position-bias model of Singh and Joachims (KDD 2018, "Fairness
 * of Exposure in Rankings"): an item at rank {@code r} (1-based) receives exposure {@code 1 / log2(1 + r)}. The audit
 * sums exposure per item group and per shopper segment and reports
 * <ul>
 *   <li>per group: total exposure, share of all exposure, and exposure per catalog item of the group;</li>
 *   <li>the group disparity ratio: smallest over largest exposure per catalog item (1 = parity);</li>
 *   <li>the segment disparity ratio of each group: smallest over largest share of that group across segments.</li>
 * </ul>
 *
 * <pre>{@code
 * ExposureAudit audit = new ExposureAudit(Map.of("sku1", "brandA", "sku2", "brandB"));
 * ExposureAudit.Report report = audit.audit(List.of(
 *         new ExposureAudit.RankedList("new-visitors", List.of("sku1", "sku2"))));
 * String md = report.toMarkdown();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExposureAudit {

    /**
     * One ranked list shown to a shopper.
     *
     * @param segment the shopper segment, not blank
     * @param items item ids, best first
     */
    public record RankedList(String segment, List<String> items) {
        /** Validates and copies. */
        public RankedList {
            requireText(segment, "segment");
            items = List.copyOf(items);
        }
    }

    /**
     * The audit result.
     *
     * @param groupExposure total exposure per group
     * @param groupShare share of all exposure per group
     * @param exposurePerItem exposure per catalog item of each group
     * @param groupDisparityRatio min over max of {@code exposurePerItem} (1 = parity, 0 = a group never shown)
     * @param segmentShares group share per segment, by segment then group
     * @param segmentDisparityRatio per group, min over max of its share across segments
     * @param unknownItems how many list entries had no group
     */
    public record Report(Map<String, Double> groupExposure, Map<String, Double> groupShare,
                         Map<String, Double> exposurePerItem, double groupDisparityRatio,
                         Map<String, Map<String, Double>> segmentShares, Map<String, Double> segmentDisparityRatio,
                         long unknownItems) {

        /** @return the report as pretty-printed JSON */
        public String toJson() {
            return JsonText.write(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writer(), this);
        }

        /** @return the report as a Markdown document with one table per view */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder("# Exposure audit\n\n");
            b.append("Position-bias model: exposure 1/log2(1 + rank) (Singh & Joachims, KDD 2018).\n\n");
            b.append(String.format(Locale.ROOT, "Group disparity ratio (min/max exposure per item): **%.3f**%n%n",
                    groupDisparityRatio));
            b.append("| group | exposure | share | exposure per item | segment disparity |\n|---|---|---|---|---|\n");
            for (String g : groupExposure.keySet()) {
                b.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.4f | %.3f |%n", g, groupExposure.get(g),
                        groupShare.get(g), exposurePerItem.get(g), segmentDisparityRatio.getOrDefault(g, 1.0)));
            }
            b.append("\n| segment | ").append(String.join(" | ", groupExposure.keySet())).append(" |\n|---|");
            b.append("---|".repeat(groupExposure.size())).append('\n');
            segmentShares.forEach((s, shares) -> {
                b.append("| ").append(s);
                for (String g : groupExposure.keySet()) {
                    b.append(String.format(Locale.ROOT, " | %.3f", shares.getOrDefault(g, 0.0)));
                }
                b.append(" |\n");
            });
            if (unknownItems > 0) {
                b.append("\n").append(unknownItems).append(" list entries had no group and were left out.\n");
            }
            return b.toString();
        }
    }

    private final Map<String, String> itemGroups;
    private final Map<String, Integer> groupSizes;

    /**
     * @param itemGroups the group of every catalog item (for example its brand or seller type)
     */
    public ExposureAudit(Map<String, String> itemGroups) {
        Objects.requireNonNull(itemGroups, "itemGroups == null");
        if (itemGroups.isEmpty()) {
            throw new IllegalArgumentException("itemGroups must not be empty");
        }
        this.itemGroups = Map.copyOf(itemGroups);
        Map<String, Integer> sizes = new TreeMap<>();
        itemGroups.values().forEach(g -> sizes.merge(g, 1, Integer::sum));
        this.groupSizes = sizes;
    }

    /**
     * @param rank a 1-based rank
     * @return {@code 1 / log2(1 + rank)}
     */
    public static double exposure(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        return Math.log(2) / Math.log(1 + rank);
    }

    /**
     * @param lists the ranked lists shown
     * @return the report
     */
    public Report audit(List<RankedList> lists) {
        Objects.requireNonNull(lists, "lists == null");
        Map<String, Double> total = new TreeMap<>();
        groupSizes.keySet().forEach(g -> total.put(g, 0.0));
        Map<String, Map<String, Double>> bySegment = new TreeMap<>();
        long unknown = 0;
        for (RankedList l : lists) {
            Map<String, Double> seg = bySegment.computeIfAbsent(l.segment(), k -> new TreeMap<>());
            for (int i = 0; i < l.items().size(); i++) {
                String g = itemGroups.get(l.items().get(i));
                if (g == null) {
                    unknown++;
                    continue;
                }
                double e = exposure(i + 1);
                total.merge(g, e, Double::sum);
                seg.merge(g, e, Double::sum);
            }
        }
        double all = total.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> share = new TreeMap<>();
        Map<String, Double> perItem = new TreeMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (Map.Entry<String, Double> e : total.entrySet()) {
            share.put(e.getKey(), all == 0 ? 0 : e.getValue() / all);
            double p = e.getValue() / groupSizes.get(e.getKey());
            perItem.put(e.getKey(), p);
            min = Math.min(min, p);
            max = Math.max(max, p);
        }
        Map<String, Map<String, Double>> segShares = new TreeMap<>();
        bySegment.forEach((s, m) -> {
            double sum = m.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> sh = new LinkedHashMap<>();
            for (String g : groupSizes.keySet()) {
                sh.put(g, sum == 0 ? 0 : m.getOrDefault(g, 0.0) / sum);
            }
            segShares.put(s, sh);
        });
        Map<String, Double> segDisparity = new TreeMap<>();
        for (String g : new TreeSet<>(groupSizes.keySet())) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            for (Map<String, Double> sh : segShares.values()) {
                lo = Math.min(lo, sh.get(g));
                hi = Math.max(hi, sh.get(g));
            }
            segDisparity.put(g, hi == 0 ? 1.0 : lo / hi);
        }
        return new Report(total, share, perItem, max == 0 ? 1.0 : min / max, segShares, segDisparity, unknown);
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name + " == null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
