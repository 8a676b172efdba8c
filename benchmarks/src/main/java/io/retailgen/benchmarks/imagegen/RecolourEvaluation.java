package io.retailgen.benchmarks.imagegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.imagegen.Ciede2000;
import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.ImageVariations;
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
 * Scores recolouring on the Luma catalog's pixel-aligned colour pairs: the photo of a product in colour B is the
 * ground truth for recolouring its photo in colour A.
 *
 * <p>For each pair the garment is where the two real photos differ by CIEDE2000 &gt; 10, and the target is the median
 * colour of the real B photo over those pixels (as a colour card would give it). Each method recolours photo A; the
 * scores are the mean CIEDE2000 to photo B over the garment pixels and over all other pixels, and CPU milliseconds of
 * this one thread per photo. Methods: {@code recolor/true-mask} ({@link ImageVariations#recolor} with the true
 * garment mask), {@code recolor/classical} (the same with the classical {@link ProductSegmenter#classical} mask from
 * the catalogue's colour of A; timing includes segmentation), {@code recolor/learned} (the same with the learned
 * {@link SegmenterModel}), {@code nothing} (photo A as it is) and {@code mean-shift/true-mask} (every garment pixel
 * shifted by target minus garment mean in L*a*b*). Pairs are split by a hash of the style into a dev half and a
 * held-out half; both are reported.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.RecolourEvaluation [luma-dir]
 *     [pairs-per-half] [both|dev|held-out] [segmenter-bundle.zip]
 * </pre>
 */
public final class RecolourEvaluation {
    static final double GARMENT_DELTA_E = 10;
    private static final String[] METHODS = {"recolor/true-mask", "recolor/classical", "recolor/learned", "nothing",
        "mean-shift/true-mask"};

    private RecolourEvaluation() {
    }

    /**
     * @param args the Luma catalog folder (default {@code ../shared/data/catalog/luma}), pairs per half (default all;
     *        evenly spaced when fewer), the halves to run (default {@code both}), a learned segmenter bundle zip
     *        (default the one bundled in sdk-imagegen)
     * @throws IOException when the pairs or a photo cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path luma = Path.of(args.length > 0 ? args[0] : "../shared/data/catalog/luma");
        int perHalf = args.length > 1 ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
        List<JsonNode> pairs = LumaPhotos.pairs(luma);
        Map<String, String> swatchOf = LumaPhotos.swatches(pairs);
        String halves = args.length > 2 ? args[2] : "both";
        if (!List.of("both", "dev", "held-out").contains(halves)) {
            throw new IllegalArgumentException("halves must be both, dev or held-out, got '" + halves + "'");
        }
        try (SegmenterModel learned = args.length > 3 ? SegmenterModel.fromBundle(ModelBundle.load(Path.of(args[3])))
                : SegmenterModel.bundled()) {
            for (int half = "held-out".equals(halves) ? 1 : 0; half < ("dev".equals(halves) ? 1 : 2); half++) {
                List<JsonNode> chosen = new ArrayList<>();
                for (JsonNode p : pairs) {
                    if (heldOut(p.get("style").asText()) == (half == 1)) {
                        chosen.add(p);
                    }
                }
                chosen = evenlySpaced(chosen, perHalf);
                evaluate(half == 0 ? "dev" : "held-out", chosen, luma, swatchOf, learned);
            }
        }
    }

    /** Styles whose hash is odd are held out. */
    static boolean heldOut(String style) {
        return (style.hashCode() & 1) == 1;
    }

    static List<JsonNode> evenlySpaced(List<JsonNode> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }

    private static void evaluate(String name, List<JsonNode> pairs, Path luma, Map<String, String> swatchOf,
            SegmenterModel learned) throws IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int m = METHODS.length;
        List<double[]> garment = new ArrayList<>();
        List<double[]> other = new ArrayList<>();
        List<double[]> millis = new ArrayList<>();
        List<Double> iou = new ArrayList<>();
        List<Double> learnedIou = new ArrayList<>();
        int skipped = 0;
        for (JsonNode p : pairs) {
            BufferedImage src = ImageIO.read(luma.resolve(p.get("src").asText()).toFile());
            BufferedImage dst = ImageIO.read(luma.resolve(p.get("dst").asText()).toFile());
            if (src == null || dst == null || src.getWidth() != dst.getWidth() || src.getHeight() != dst.getHeight()) {
                skipped++;
                continue;
            }
            int w = src.getWidth();
            int h = src.getHeight();
            int[] a = src.getRGB(0, 0, w, h, null, 0, w);
            int[] b = dst.getRGB(0, 0, w, h, null, 0, w);
            double[][] labB = new double[b.length][];
            float[] srcToDst = new float[a.length];
            boolean[] truth = new boolean[a.length];
            for (int i = 0; i < a.length; i++) {
                labB[i] = Ciede2000.toLab(b[i] & 0xffffff);
                if ((a[i] & 0xffffff) != (b[i] & 0xffffff)) {
                    srcToDst[i] = (float) Ciede2000.distance(Ciede2000.toLab(a[i] & 0xffffff), labB[i]);
                    truth[i] = srcToDst[i] > GARMENT_DELTA_E;
                }
            }
            GarmentMask trueMask = GarmentMask.of(w, h, truth);
            if (trueMask.count() == 0) {
                skipped++;
                continue;
            }
            Swatch target = Swatch.medianOf(dst, trueMask);
            String stated = swatchOf.get(p.get("style").asText() + "/" + p.get("src_color").asText());
            Swatch colour = stated == null ? null : Swatch.hex(stated);
            double[] ms = new double[m];
            int[][] outputs = new int[m][];
            long t0 = mx.getCurrentThreadCpuTime();
            outputs[0] = pixels(ImageVariations.recolor(src, trueMask, target));
            long t1 = mx.getCurrentThreadCpuTime();
            GarmentMask segmented = ProductSegmenter.classical(src, colour);
            outputs[1] = segmented.count() == 0 ? a : pixels(ImageVariations.recolor(src, segmented, target));
            long t2 = mx.getCurrentThreadCpuTime();
            GarmentMask learnedMask = learned.segment(src, colour);
            outputs[2] = learnedMask.count() == 0 ? a : pixels(ImageVariations.recolor(src, learnedMask, target));
            long t3 = mx.getCurrentThreadCpuTime();
            outputs[3] = a;
            outputs[4] = meanShift(a, truth, target);
            long t4 = mx.getCurrentThreadCpuTime();
            ms[0] = (t1 - t0) / 1e6;
            ms[1] = (t2 - t1) / 1e6;
            ms[2] = (t3 - t2) / 1e6;
            ms[4] = (t4 - t3) / 1e6;
            double[] g = new double[m];
            double[] o = new double[m];
            for (int k = 0; k < m; k++) {
                double[] scores = score(outputs[k], a, b, labB, srcToDst, truth);
                g[k] = scores[0];
                o[k] = scores[1];
            }
            garment.add(g);
            other.add(o);
            millis.add(ms);
            iou.add(iou(truth, segmented));
            learnedIou.add(iou(truth, learnedMask));
            System.out.printf(Locale.ROOT, "%s %s %s->%s %dx%d garment %.1f%%: true-mask %.2f/%.3f classical %.2f/%.3f"
                    + " (IoU %.2f) learned %.2f/%.3f (IoU %.2f) nothing %.2f/%.3f mean-shift %.2f/%.3f;"
                    + " %.0f / %.0f / %.0f ms%n", name, p.get("style").asText(), p.get("src_color").asText(),
                    p.get("dst_color").asText(), w, h, 100 * trueMask.share(), g[0], o[0], g[1], o[1],
                    iou.get(iou.size() - 1), g[2], o[2], learnedIou.get(learnedIou.size() - 1), g[3], o[3], g[4], o[4],
                    ms[0], ms[1], ms[2]);
        }
        System.out.printf(Locale.ROOT, "== %s: %d pairs (%d skipped: unreadable, sizes differ or no garment)%n", name,
                garment.size(), skipped);
        for (int k = 0; k < m; k++) {
            int kk = k;
            System.out.printf(Locale.ROOT, "== %s %-22s garment median %.2f (mean %.2f); other median %.3f (mean %.3f)"
                    + "; ms/photo median %.0f (mean %.0f)%n", name, METHODS[k], median(garment, kk),
                    mean(garment, kk), median(other, kk), mean(other, kk), median(millis, kk), mean(millis, kk));
        }
        double[] ious = iou.stream().mapToDouble(Double::doubleValue).toArray();
        double[] learnedIous = learnedIou.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "== %s garment mask IoU vs true mask: classical median %.3f, learned median"
                + " %.3f%n", name, median(ious), median(learnedIous));
        for (int k = 1; k <= 2; k++) {
            int kk = k;
            double[] ms = millis.stream().mapToDouble(r -> r[kk]).sorted().toArray();
            System.out.printf(Locale.ROOT, "== %s %s ms/photo max %.0f%n", name, METHODS[k],
                    ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The "plain Lab mean shift": every garment pixel moved by (target - garment mean) in L*a*b*. */
    static int[] meanShift(int[] rgb, boolean[] garment, Swatch target) {
        double[] sum = new double[3];
        int n = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (garment[i]) {
                double[] lab = Ciede2000.toLab(rgb[i] & 0xffffff);
                for (int j = 0; j < 3; j++) {
                    sum[j] += lab[j];
                }
                n++;
            }
        }
        double[] shift = target.toLab();
        for (int j = 0; j < 3; j++) {
            shift[j] -= sum[j] / n;
        }
        int[] out = rgb.clone();
        for (int i = 0; i < rgb.length; i++) {
            if (garment[i]) {
                double[] lab = Ciede2000.toLab(rgb[i] & 0xffffff);
                double l = Math.max(0, Math.min(100, lab[0] + shift[0]));
                out[i] = Swatch.lab(l, clampAb(lab[1] + shift[1]), clampAb(lab[2] + shift[2])).toRgb();
            }
        }
        return out;
    }

    private static double clampAb(double v) {
        return Math.max(-128, Math.min(127, v));
    }

    /** @return {mean CIEDE2000 over garment pixels, mean over the others} between {@code out} and the real photo */
    private static double[] score(int[] out, int[] src, int[] dst, double[][] labDst, float[] srcToDst,
            boolean[] garment) {
        double g = 0;
        double o = 0;
        int ng = 0;
        for (int i = 0; i < out.length; i++) {
            int p = out[i] & 0xffffff;
            double d;
            if (p == (dst[i] & 0xffffff)) {
                d = 0;
            } else if (p == (src[i] & 0xffffff)) {
                d = srcToDst[i];
            } else {
                d = Ciede2000.distance(Ciede2000.toLab(p), labDst[i]);
            }
            if (garment[i]) {
                g += d;
                ng++;
            } else {
                o += d;
            }
        }
        return new double[] {g / ng, o / (out.length - ng)};
    }

    private static double iou(boolean[] truth, GarmentMask mask) {
        int both = 0;
        int either = 0;
        int w = mask.width();
        for (int i = 0; i < truth.length; i++) {
            boolean s = mask.contains(i % w, i / w);
            both += truth[i] && s ? 1 : 0;
            either += truth[i] || s ? 1 : 0;
        }
        return either == 0 ? 1 : both / (double) either;
    }

    private static double median(List<double[]> rows, int k) {
        return median(rows.stream().mapToDouble(r -> r[k]).toArray());
    }

    private static double mean(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(r -> r[k]).average().orElse(Double.NaN);
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
