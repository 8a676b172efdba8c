package io.retailgen.imagegen;

import static io.retailgen.imagegen.GarmentPhotos.HEIGHT;
import static io.retailgen.imagegen.GarmentPhotos.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ProductSegmenterTest {
    @Test
    void theDefaultIsTheBundledLearnedSegmenter() {
        BufferedImage photo = GarmentPhotos.photo(35, 10, -35, 10);
        Swatch navy = Swatch.lab(35, 10, -35);
        GarmentMask byDefault = ProductSegmenter.segment(photo, navy);
        try (SegmenterModel learned = SegmenterModel.bundled()) {
            assertThat(byDefault.toArray()).isEqualTo(learned.segment(photo, navy).toArray());
        }
        assertThat(byDefault.contains(2, 2)).as("background").isFalse();
        assertThat(byDefault.width()).isEqualTo(WIDTH);
        assertThat(byDefault.height()).isEqualTo(HEIGHT);
    }

    @Test
    void findsTheGarmentByItsStatedColourAndLeavesSkinAndBackground() {
        BufferedImage photo = GarmentPhotos.photo(35, 10, -35, 10);
        GarmentMask mask = ProductSegmenter.classical(photo, Swatch.lab(35, 10, -35));
        assertThat(iou(mask)).isGreaterThan(0.95);
        assertThat(mask.contains(60, 10)).as("skin").isFalse();
        assertThat(mask.contains(2, 2)).as("background").isFalse();
    }

    @Test
    void withoutAStatedColourTakesTheLargestNonSkinRegion() {
        BufferedImage photo = GarmentPhotos.photo(70, -30, 30, 12);
        GarmentMask mask = ProductSegmenter.classical(photo, null);
        assertThat(iou(mask)).isGreaterThan(0.95);
        assertThat(mask.contains(60, 10)).as("skin").isFalse();
    }

    @Test
    void whiteInsideTheSilhouetteIsNotBackground() {
        BufferedImage photo = GarmentPhotos.photo(35, 10, -35, 0);
        for (int y = 50; y < 60; y++) {
            for (int x = 50; x < 60; x++) {
                photo.setRGB(x, y, 0xffffff);
            }
        }
        boolean[] bg = ProductSegmenter.studioBackground(photo.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH), WIDTH,
                HEIGHT);
        assertThat(bg[0]).isTrue();
        assertThat(bg[55 * WIDTH + 55]).isFalse();
    }

    @Test
    void skinTonesAreRecognised() {
        assertThat(ProductSegmenter.skin(Ciede2000.toLab(GarmentPhotos.SKIN))).isTrue();
        assertThat(ProductSegmenter.skin(Ciede2000.toLab(0x1f3a93))).isFalse();
        assertThat(ProductSegmenter.skin(Ciede2000.toLab(0x202020))).isFalse();
    }

    @Test
    void anAllWhitePhotoGivesAnEmptyMask() {
        BufferedImage white = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        white.getGraphics().fillRect(0, 0, 20, 10);
        assertThat(ProductSegmenter.classical(white, null).count()).isZero();
    }

    static double iou(GarmentMask mask) {
        int both = 0;
        int either = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean truth = GarmentPhotos.inGarment(x, y);
                both += truth && mask.contains(x, y) ? 1 : 0;
                either += truth || mask.contains(x, y) ? 1 : 0;
            }
        }
        return both / (double) either;
    }
}
