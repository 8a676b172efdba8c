package io.retailgen.benchmarks.imagegen;

import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.ImageVariations;
import io.retailgen.imagegen.PhotoVariants;
import io.retailgen.imagegen.ProductSegmenter;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.Swatch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * CPU time of one thread per photo for segmentation ({@link ProductSegmenter}), the recolour pixel pass
 * ({@link ImageVariations#recolor}) and the {@link PhotoVariants} (background, relight, 4:5 crop) on real photos,
 * decoding not counted. Each photo is processed {@code rounds} times (the first round is JIT warm-up and is not
 * reported in the summary).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.RecolourTiming IMAGES_DIR [photos] [rounds]
 * </pre>
 */
public final class RecolourTiming {
    private RecolourTiming() {
    }

    /**
     * @param args a folder of photos (JPEG or PNG), how many of them (default 8, evenly spaced by name), rounds
     *        (default 3)
     * @throws IOException when the folder or a photo cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Path> all;
        try (Stream<Path> files = Files.list(folder)) {
            all = files.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().toList();
        }
        List<BufferedImage> photos = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count && i < all.size(); i++) {
            Path p = all.get((int) ((long) i * all.size() / Math.min(count, all.size())));
            BufferedImage img = ImageIO.read(p.toFile());
            if (img != null) {
                photos.add(img);
                names.add(p.getFileName().toString());
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Swatch target = Swatch.hex("#f2d33c");
        PhotoVariants variants = PhotoVariants.of(AssetPipeline.builder().guide(StyleGuide.parse("{\"name\": \"timing\","
                + " \"sizes\": [[1080, 1350]], \"aspect_ratios\": [\"4:5\"], \"palette\": [\"#1B2A49\", \"#E8E4DA\"],"
                + " \"background\": \"gradient\", \"margin\": 0.04}")).build());
        List<double[]> measured = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < photos.size(); i++) {
                BufferedImage photo = photos.get(i);
                long t0 = mx.getCurrentThreadCpuTime();
                GarmentMask mask = ProductSegmenter.segment(photo, null);
                long t1 = mx.getCurrentThreadCpuTime();
                if (mask.count() == 0) {
                    continue;
                }
                ImageVariations.recolor(photo, mask, target);
                long t2 = mx.getCurrentThreadCpuTime();
                variants.background(photo, 0);
                long t3 = mx.getCurrentThreadCpuTime();
                variants.relight(photo, 45, 0.3);
                long t4 = mx.getCurrentThreadCpuTime();
                variants.crop(photo, PhotoVariants.Aspect.PORTRAIT_4_5);
                long t5 = mx.getCurrentThreadCpuTime();
                double[] ms = {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6,
                    (t5 - t4) / 1e6};
                System.out.printf(Locale.ROOT, "round %d %s %dx%d garment %.1f%%: segment %.0f ms, recolour %.0f ms,"
                        + " total %.0f ms; background %.0f, relight %.0f, crop 4:5 %.0f ms%n", round, names.get(i),
                        photo.getWidth(), photo.getHeight(), 100 * mask.share(), ms[0], ms[1], ms[2], ms[3], ms[4],
                        ms[5]);
                if (round > 0) {
                    measured.add(ms);
                }
            }
        }
        String[] what = {"segment", "recolour", "segment + recolour", "background", "relight", "crop 4:5"};
        for (int k = 0; k < what.length; k++) {
            int kk = k;
            double[] v = measured.stream().mapToDouble(r -> r[kk]).sorted().toArray();
            if (v.length > 0) {
                System.out.printf(Locale.ROOT, "== %s ms per photo: median %.0f, max %.0f (%d runs after warm-up)%n",
                        what[k], v[v.length / 2], v[v.length - 1], v.length);
            }
        }
    }
}
