package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.onnx.OnnxGraphBuilder;
import io.retailgen.core.runtime.ElementType;
import java.awt.image.BufferedImage;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on tiny photos built at run time, the export, the bundle and the class-path resource. */
class SegmenterModelTest {
    private static SegmenterModel trained;

    @BeforeAll
    static void trainOnTinyPhotos() {
        SegmentationSet.Builder set = SegmentationSet.builder();
        double[][] colours = {{35, 10, -35}, {60, -40, 30}, {25, 0, 0}, {70, 20, 60}};
        for (int i = 0; i < colours.length; i++) {
            double[] a = colours[i];
            double[] b = colours[(i + 1) % colours.length];
            set.addColourways(List.of(GarmentPhotos.photo(a[0], a[1], a[2], 10), GarmentPhotos.photo(b[0], b[1],
                    b[2], 10)), Arrays.asList(Swatch.lab(a[0], a[1], a[2]), null));
        }
        trained = SegmenterTrainer.builder().seed(5L).epochs(12).batchSize(4).learningRate(5e-3f).build()
                .train(set.build());
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void trainsExportsAndSegmentsTheTinyPhotos() {
        assertThat(trained.provenance().metrics().get("export_max_abs_diff")).isLessThan(1e-3);
        assertThat(trained.provenance().seed()).isEqualTo(5L);
        assertThat(trained.provenance().rowCount()).isEqualTo(8);
        String graph = new String(trained.onnx(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(graph).contains("trained with DJL (PyTorch").contains("seed 5").doesNotContain("cache");
        BufferedImage photo = GarmentPhotos.photo(50, 30, -20, 10);
        PhotoRegions regions = trained.regions(photo, Swatch.lab(50, 30, -20));
        assertThat(regions.width()).isEqualTo(GarmentPhotos.WIDTH);
        assertThat(regions.height()).isEqualTo(GarmentPhotos.HEIGHT);
        assertThat(regions.regionAt(2, 2)).isEqualTo(PhotoRegions.BACKGROUND);
        GarmentMask mask = trained.segment(photo, Swatch.lab(50, 30, -20));
        assertThat(ProductSegmenterTest.iou(mask)).isGreaterThan(0.8);
    }

    @Test
    void bundleRoundTripGivesTheSameRegions(@TempDir Path dir) {
        Path zip = dir.resolve("segmenter.zip");
        trained.toBundle("segmenter-test", "2").saveZip(zip);
        BufferedImage photo = GarmentPhotos.photo(40, 20, -30, 8);
        try (SegmenterModel loaded = SegmenterModel.fromBundle(ModelBundle.load(zip))) {
            assertThat(loaded.name()).isEqualTo("segmenter-test");
            assertThat(loaded.version()).isEqualTo("2");
            assertThat(loaded.regions(photo, null).mask(PhotoRegions.GARMENT))
                    .isEqualTo(trained.regions(photo, null).mask(PhotoRegions.GARMENT));
        }
    }

    @Test
    void aCorruptedGraphOrAnotherKindIsAClearError() {
        ModelBundle corrupt = trained.toBundle("broken", "1").toBuilder().model(new byte[] {1, 2, 3, 4}).build();
        assertThatThrownBy(() -> SegmenterModel.fromBundle(corrupt)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("segmenter broken@1: the ONNX graph does not load");
        ModelBundle other = trained.toBundle("other", "1").toBuilder().kind("imagegen.gan").build();
        assertThatThrownBy(() -> SegmenterModel.fromBundle(other)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("is of kind 'imagegen.gan', expected 'imagegen.segmenter'");
    }

    @Test
    void aGraphOfAnotherShapeIsRefused() {
        OnnxGraphBuilder g = OnnxGraphBuilder.create("not_a_segmenter");
        g.output(g.relu(g.input("image", ElementType.FLOAT, -1, 1, 28, 28)), "image_out");
        ModelBundle wrong = trained.toBundle("wrong", "1").toBuilder().model(g.toBytes()).build();
        assertThatThrownBy(() -> SegmenterModel.fromBundle(wrong)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("expected one input 'planes'");
    }

    @Test
    void aCorruptedOrMissingResourceIsAClearError(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("corrupt.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 9, 9});
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> SegmenterModel.fromResource(loader, "corrupt.zip"))
                    .isInstanceOf(RetailGenException.class)
                    .hasMessageContaining("segmenter resource 'corrupt.zip' is not a valid imagegen.segmenter bundle");
            assertThatThrownBy(() -> SegmenterModel.fromResource(loader, "absent.zip"))
                    .isInstanceOf(RetailGenException.class)
                    .hasMessageContaining("segmenter resource 'absent.zip' is not on the class path");
        }
    }

    @Test
    void theBundledModelCarriesItsDataLicenceCommandAndSeed() {
        try (SegmenterModel bundled = SegmenterModel.bundled()) {
            assertThat(bundled.provenance().hyperParameters().get("data")).contains("Luma").contains("OSL-3.0");
            assertThat(bundled.provenance().hyperParameters().get("command")).contains("SegmenterTraining");
            assertThat(bundled.provenance().seed()).isEqualTo(7L);
            assertThat(bundled.provenance().metrics().get("export_max_abs_diff")).isLessThan(1e-3);
            assertThat(new String(bundled.onnx(), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .contains("seed 7").doesNotContain("cache");
            PhotoRegions regions = bundled.regions(GarmentPhotos.photo(35, 10, -35, 10), null);
            assertThat(regions.regionAt(2, 2)).isEqualTo(PhotoRegions.BACKGROUND);
            assertThat(regions.regionAt(GarmentPhotos.WIDTH - 3, GarmentPhotos.HEIGHT - 3))
                    .isEqualTo(PhotoRegions.BACKGROUND);
        }
    }

    @Test
    void refinementFollowsTheColourEdgeInsideACoarseCell() {
        int w = SegmenterNet.OUT_WIDTH * 10;
        int h = SegmenterNet.OUT_HEIGHT * 10;
        int edge = 32 * 10 + 3; // the colour edge lies 3 pixels into grid column 32
        int[] rgb = new int[w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = i % w < edge ? 0x2040a0 : 0xc08060;
        }
        int n = SegmenterNet.OUT_CELLS;
        float[] logits = new float[3 * n];
        for (int c = 0; c < n; c++) {
            int col = c % SegmenterNet.OUT_WIDTH;
            // garment left of column 32, person right of it; column 32 itself is mixed and undecided
            logits[PhotoRegions.PERSON * n + c] = 1;
            logits[PhotoRegions.GARMENT * n + c] = col < 32 ? 5 : col == 32 ? 1 : -3;
        }
        int[] cells = SegmenterInput.shrink(rgb, w, h);
        byte[] regions = SegmenterModel.refine(logits, cells, rgb, new boolean[w * h], w, h);
        int row = 400 * w;
        assertThat(regions[row + edge - 1]).isEqualTo((byte) PhotoRegions.GARMENT);
        assertThat(regions[row + edge]).isEqualTo((byte) PhotoRegions.PERSON);
        assertThat(regions[row + edge - 6]).isEqualTo((byte) PhotoRegions.GARMENT);
        assertThat(regions[row + edge + 6]).isEqualTo((byte) PhotoRegions.PERSON);
    }
}
