package io.retailgen.benchmarks.imagegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.Ciede2000;
import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.PhotoRegions;
import io.retailgen.imagegen.ProductSegmenter;
import io.retailgen.imagegen.SegmenterModel;
import io.retailgen.imagegen.Swatch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Mask quality of the learned {@link SegmenterModel} against the classical {@link ProductSegmenter} on the Luma
 * catalog's aligned colour pairs of one half of the styles (split as {@link RecolourEvaluation#heldOut}). For each
 * pair the true garment is where the two real photos differ by CIEDE2000 &gt; 10 and the true background is the studio
 * white connected to the border ({@link ProductSegmenter#studioBackground}) outside the true garment; each segmenter
 * segments the source photo given the catalogue colour of its source. Reports intersection over union for garment and
 * background, and milliseconds of this thread's CPU (and wall time) per photo.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.SegmenterEvaluation [luma-dir]
 *     [pairs] [held-out|dev] [segmenter-bundle.zip]
 * </pre>
 */
public final class SegmenterEvaluation {
    private SegmenterEvaluation() {
    }

    /**
     * @param args the Luma catalog folder (default {@code ../shared/data/catalog/luma}), pairs (default all; evenly
     *     spaced when fewer), the half (default {@code held-out}), a segmenter bundle zip (default the bundled one)
     * @throws IOException when the pairs or a photo cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path luma = Path.of(args.length > 0 ? args[0] : "../shared/data/catalog/luma");
        int limit = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        boolean heldOut = args.length <= 2 || !"dev".equals(args[2]);
        List<JsonNode> pairs = LumaPhotos.pairs(luma);
        Map<String, String> swatchOf = LumaPhotos.swatches(pairs);
        List<JsonNode> chosen = new ArrayList<>();
        for (JsonNode p : pairs) {
            if (RecolourEvaluation.heldOut(p.get("style").asText()) == heldOut) {
                chosen.add(p);
            }
        }
        chosen = RecolourEvaluation.evenlySpaced(chosen, limit);
        String half = heldOut ? "held-out" : "dev";
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<double[]> rows = new ArrayList<>();
        try (SegmenterModel learned = args.length > 3 ? SegmenterModel.fromBundle(ModelBundle.load(Path.of(args[3])))
                : SegmenterModel.bundled()) {
            for (JsonNode p : chosen) {
                BufferedImage src = ImageIO.read(luma.resolve(p.get("src").asText()).toFile());
                BufferedImage dst = ImageIO.read(luma.resolve(p.get("dst").asText()).toFile());
                if (src == null || dst == null || src.getWidth() != dst.getWidth()
                        || src.getHeight() != dst.getHeight()) {
                    continue;
                }
                boolean[] garment = trueGarment(src, dst);
                boolean[] background = ProductSegmenter.studioBackground(src);
                for (int i = 0; i < garment.length; i++) {
                    background[i] &= !garment[i];
                }
                String stated = swatchOf.get(p.get("style").asText() + "/" + p.get("src_color").asText());
                Swatch colour = stated == null ? null : Swatch.hex(stated);
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                PhotoRegions regions = learned.regions(src, colour);
                long c1 = mx.getCurrentThreadCpuTime();
                long w1 = System.nanoTime();
                GarmentMask classical = ProductSegmenter.classical(src, colour);
                boolean[] classicalBackground = ProductSegmenter.studioBackground(src);
                long c2 = mx.getCurrentThreadCpuTime();
                long w2 = System.nanoTime();
                double[] r = {
                    iou(garment, regions.mask(PhotoRegions.GARMENT)), iou(garment, classical.toArray()),
                    iou(background, regions.mask(PhotoRegions.BACKGROUND)), iou(background, classicalBackground),
                    (c1 - c0) / 1e6, (c2 - c1) / 1e6, (w1 - w0) / 1e6, (w2 - w1) / 1e6,
                };
                rows.add(r);
                System.out.printf(Locale.ROOT, "%s %s %s %s->%s %dx%d: garment IoU learned %.3f classical %.3f;"
                        + " background IoU %.3f / %.3f; cpu ms %.0f / %.0f%n", half, p.get("style").asText(),
                        p.get("view").asText(), p.get("src_color").asText(), p.get("dst_color").asText(),
                        src.getWidth(), src.getHeight(), r[0], r[1], r[2], r[3], r[4], r[5]);
            }
        }
        String[] names = {"garment IoU, learned", "garment IoU, classical", "background IoU, learned",
            "background IoU, classical", "cpu ms, learned", "cpu ms, classical", "wall ms, learned",
            "wall ms, classical"};
        System.out.printf(Locale.ROOT, "== %s: %d pairs%n", half, rows.size());
        for (int k = 0; k < names.length; k++) {
            int kk = k;
            double[] v = rows.stream().mapToDouble(r -> r[kk]).toArray();
            Arrays.sort(v);
            System.out.printf(Locale.ROOT, "== %s %-26s median %.3f mean %.3f min %.3f max %.3f%n", half, names[k],
                    median(v), Arrays.stream(v).average().orElse(Double.NaN), v.length == 0 ? Double.NaN : v[0],
                    v.length == 0 ? Double.NaN : v[v.length - 1]);
        }
        for (int k = 0; k < 2; k++) {
            int kk = k;
            long below = rows.stream().filter(r -> r[kk] < 0.8).count();
            System.out.printf(Locale.ROOT, "== %s %s below 0.8: %d of %d%n", half, names[k], below, rows.size());
        }
    }

    /** Pixels where the two aligned photos differ by CIEDE2000 &gt; {@value RecolourEvaluation#GARMENT_DELTA_E}. */
    static boolean[] trueGarment(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
        int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
        boolean[] out = new boolean[pa.length];
        for (int i = 0; i < pa.length; i++) {
            if ((pa[i] & 0xffffff) != (pb[i] & 0xffffff)) {
                out[i] = Ciede2000.distance(pa[i] & 0xffffff, pb[i] & 0xffffff) > RecolourEvaluation.GARMENT_DELTA_E;
            }
        }
        return out;
    }

    static double iou(boolean[] truth, boolean[] mask) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < truth.length; i++) {
            both += truth[i] && mask[i] ? 1 : 0;
            either += truth[i] || mask[i] ? 1 : 0;
        }
        return either == 0 ? 1 : both / (double) either;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
