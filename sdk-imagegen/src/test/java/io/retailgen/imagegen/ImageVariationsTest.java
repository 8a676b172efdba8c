package io.retailgen.imagegen;

import static io.retailgen.imagegen.GarmentPhotos.HEIGHT;
import static io.retailgen.imagegen.GarmentPhotos.WIDTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageVariationsTest {
    private static final Swatch YELLOW = Swatch.hex("#f2d33c");

    @Test
    void recolourChangesOnlyTheGarmentAndItsOnePixelFeather() {
        BufferedImage photo = GarmentPhotos.photo(24, 3, -18, 10);
        BufferedImage out = ImageVariations.recolor(photo, GarmentPhotos.trueMask(), YELLOW);
        assertThat(out.getWidth()).isEqualTo(WIDTH);
        assertThat(out.getHeight()).isEqualTo(HEIGHT);
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        int changedOutside = 0;
        int unchangedInside = 0;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean same = (photo.getRGB(x, y) & 0xffffff) == (out.getRGB(x, y) & 0xffffff);
                boolean nearGarment = GarmentPhotos.inGarment(x - 1, y - 1) || GarmentPhotos.inGarment(x + 1, y + 1)
                        || GarmentPhotos.inGarment(x - 1, y + 1) || GarmentPhotos.inGarment(x + 1, y - 1);
                if (!nearGarment && !same) {
                    changedOutside++;
                }
                if (GarmentPhotos.inGarment(x, y) && same) {
                    unchangedInside++;
                }
            }
        }
        assertThat(changedOutside).as("pixels changed more than one pixel outside the garment").isZero();
        assertThat(unchangedInside).as("garment pixels left as they were").isZero();
        assertThat(out.getRGB(60, 10) & 0xffffff).as("skin").isEqualTo(GarmentPhotos.SKIN);
    }

    @Test
    void recolouredGarmentHasTheTargetColour() {
        for (Swatch target : new Swatch[] {YELLOW, Swatch.hex("#1f1f1f"), Swatch.lab(55, 40, -30)}) {
            BufferedImage out = ImageVariations.recolor(GarmentPhotos.photo(60, -20, 25, 10), GarmentPhotos.trueMask(),
                    target);
            Swatch median = Swatch.medianOf(out, GarmentPhotos.trueMask());
            assertThat(Ciede2000.distance(median.toLab(), target.toLab())).as("median vs %s", target)
                    .isLessThan(2.0);
        }
    }

    @Test
    void foldsStayVisibleFromDarkToLight() {
        BufferedImage photo = GarmentPhotos.photo(22, 0, 0, 8);
        BufferedImage out = ImageVariations.recolor(photo, GarmentPhotos.trueMask(), YELLOW);
        int flat = 36;
        int deep = 39;
        assertThat(GarmentPhotos.fold(flat)).isZero();
        assertThat(GarmentPhotos.fold(deep)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        double before = GarmentPhotos.lightness(photo, flat, 50) - GarmentPhotos.lightness(photo, deep, 50);
        double after = GarmentPhotos.lightness(out, flat, 50) - GarmentPhotos.lightness(out, deep, 50);
        assertThat(before).isGreaterThan(7);
        double expected = Math.sqrt((YELLOW.l() + 16) / (Swatch.medianOf(photo, GarmentPhotos.trueMask()).l() + 16));
        assertThat(expected).isGreaterThan(1.5);
        assertThat(after / before).as("fold depth in L* after black-to-yellow, relative to before (%.1f)", before)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void rejectsBadInputWithClearMessages() {
        BufferedImage photo = GarmentPhotos.photo(40, 0, 0, 5);
        GarmentMask mask = GarmentPhotos.trueMask();
        assertThatThrownBy(() -> ImageVariations.recolor(null, mask, YELLOW)).hasMessageContaining("photo");
        assertThatThrownBy(() -> ImageVariations.recolor(photo, null, YELLOW)).hasMessageContaining("garment mask");
        assertThatThrownBy(() -> ImageVariations.recolor(photo, mask, null)).hasMessageContaining("target");
        GarmentMask small = GarmentMask.of(10, 10, new boolean[100]);
        assertThatThrownBy(() -> ImageVariations.recolor(photo, small, YELLOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("garment mask is 10x10 but the photo is 120x100");
        GarmentMask empty = GarmentMask.of(WIDTH, HEIGHT, new boolean[WIDTH * HEIGHT]);
        assertThatThrownBy(() -> ImageVariations.recolor(photo, empty, YELLOW))
                .hasMessageContaining("garment mask is empty");
        assertThatThrownBy(() -> Swatch.hex("#12345g")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("colour must be #rrggbb (six hex digits), got '#12345g'");
        assertThatThrownBy(() -> Swatch.hex("f2d33c")).hasMessageContaining("'f2d33c'");
        assertThatThrownBy(() -> Swatch.hex(null)).hasMessageContaining("got 'null'");
        assertThatThrownBy(() -> Swatch.lab(101, 0, 0)).hasMessage("L* must be within 0..100, got 101.0");
        assertThatThrownBy(() -> Swatch.lab(50, Double.NaN, 0)).hasMessage("a* must be within -128..127, got NaN");
        assertThatThrownBy(() -> GarmentMask.of(10, 10, new boolean[99]))
                .hasMessage("mask of 10x10 needs 100 flags, got 99");
    }

    @Test
    void labRoundTripReturnsEverySrgbColour() {
        qt().withExamples(5_000).forAll(integers().between(0, 0xffffff)).checkAssert(rgb -> {
            double[] lab = Ciede2000.toLab(rgb);
            assertThat(SrgbLab.toRgb(lab[0], lab[1], lab[2])).isEqualTo(rgb);
        });
        assertThat(Swatch.hex("#A5A1A6").toRgb()).isEqualTo(0xa5a1a6);
    }
}
