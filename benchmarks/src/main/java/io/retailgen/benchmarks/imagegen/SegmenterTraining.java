package io.retailgen.benchmarks.imagegen;

import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.train.Slf4jTrainingListener;
import io.retailgen.imagegen.SegmentationSet;
import io.retailgen.imagegen.SegmenterModel;
import io.retailgen.imagegen.SegmenterTrainer;
import io.retailgen.imagegen.Swatch;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Trains the product segmenter that ships in sdk-imagegen on the dev styles of the Luma catalog (the styles
 * {@link RecolourEvaluation#heldOut} does not hold out), labelled by their aligned colourways, and writes it as a
 * zipped model bundle.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.SegmenterTraining \
 *     ../shared/data/catalog/luma sdk-imagegen/src/main/resources/io/retailgen/imagegen/segmenter-luma.zip [epochs] [seed] [threads]
 * </pre>
 */
public final class SegmenterTraining {
    private SegmenterTraining() {
    }

    /**
     * @param args the Luma catalog folder, the output zip, epochs (default 30), seed (default 7), PyTorch threads
     *     (default 2)
     * @throws IOException when a photo cannot be read or the bundle cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: SegmenterTraining <luma-dir> <out.zip> [epochs] [seed] [threads]");
            System.exit(2);
        }
        Path luma = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 7L;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        var pairs = LumaPhotos.pairs(luma);
        Map<String, String> swatchOf = LumaPhotos.swatches(pairs);
        SegmentationSet.Builder set = SegmentationSet.builder();
        int groups = 0;
        int photos = 0;
        long t0 = System.nanoTime();
        for (List<LumaPhotos.Photo> group : LumaPhotos.colourways(pairs).values()) {
            if (RecolourEvaluation.heldOut(group.get(0).style())) {
                continue;
            }
            List<BufferedImage> images = new ArrayList<>();
            List<Swatch> stated = new ArrayList<>();
            for (LumaPhotos.Photo p : group) {
                BufferedImage img = ImageIO.read(luma.resolve(p.file()).toFile());
                if (img != null && (images.isEmpty() || img.getWidth() == images.get(0).getWidth()
                        && img.getHeight() == images.get(0).getHeight())) {
                    images.add(img);
                    String hex = swatchOf.get(p.style() + "/" + p.colour());
                    stated.add(hex == null ? null : Swatch.hex(hex));
                }
            }
            if (images.size() >= 2) {
                set.addColourways(images, stated);
                groups++;
                photos += images.size();
            }
        }
        SegmentationSet data = set.build();
        System.out.printf(Locale.ROOT, "labelled %d photos of %d dev style/views in %.0f s (garment %.3f, person %.3f,"
                + " background %.3f of cells)%n", photos, groups, (System.nanoTime() - t0) / 1e9,
                data.share(2), data.share(1), data.share(0));
        try (SegmenterModel model = SegmenterTrainer.builder().seed(seed).epochs(epochs).threads(threads)
                .listener(Slf4jTrainingListener.create()).build().train(data)) {
            Provenance p = model.provenance();
            Map<String, String> hyper = new LinkedHashMap<>(p.hyperParameters());
            hyper.put("data", "Luma sample catalog (Magento 2 sample data, OSL-3.0; attribution in NOTICE.md): the "
                    + photos + " photos of " + groups + " dev style/views with two or more aligned colourways");
            hyper.put("split", "dev styles: String.hashCode(style) even; odd styles held out for evaluation");
            hyper.put("command", String.format(Locale.ROOT, "java -cp benchmarks/target/benchmarks.jar "
                    + "io.retailgen.benchmarks.imagegen.SegmenterTraining <luma-dir> <out.zip> %d %d %d", epochs,
                    seed, threads));
            Provenance withData = new Provenance(p.dataFingerprint(), p.rowCount(), hyper, p.seed(), p.sdkVersion(),
                    p.javaVersion(), p.osName(), p.osArch(), p.metrics());
            ModelBundle bundle = model.toBundle("segmenter-luma", "1").toBuilder().provenance(withData).build();
            bundle.saveZip(out);
            System.out.printf(Locale.ROOT, "wrote %s (%s)%n", out, withData.metrics());
        }
    }
}
