package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationSetTest {
    /** Output-grid cell of photo pixel (x, y) of a {@link GarmentPhotos} photo. */
    private static int cellOf(int x, int y) {
        int cx = x * SegmenterNet.OUT_WIDTH / GarmentPhotos.WIDTH;
        int cy = y * SegmenterNet.OUT_HEIGHT / GarmentPhotos.HEIGHT;
        return cy * SegmenterNet.OUT_WIDTH + cx;
    }

    @Test
    void labelsTheGarmentWhereColourwaysDifferTheStudioWhiteAsBackgroundAndTheRestAsPerson() {
        BufferedImage navy = GarmentPhotos.photo(35, 10, -35, 10);
        BufferedImage green = GarmentPhotos.photo(60, -40, 30, 10);
        SegmentationSet set = SegmentationSet.builder()
                .addColourways(List.of(navy, green), Arrays.asList(Swatch.lab(35, 10, -35), null)).build();
        assertThat(set.size()).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            byte[] labels = set.labels(i);
            assertThat(labels).hasSize(SegmenterNet.OUT_CELLS);
            assertThat(labels[cellOf(60, 60)]).as("garment").isEqualTo((byte) PhotoRegions.GARMENT);
            assertThat(labels[cellOf(60, 12)]).as("skin").isEqualTo((byte) PhotoRegions.PERSON);
            assertThat(labels[cellOf(5, 5)]).as("studio").isEqualTo((byte) PhotoRegions.BACKGROUND);
        }
        double garmentShare = (GarmentPhotos.GARMENT_X1 - GarmentPhotos.GARMENT_X0)
                * (GarmentPhotos.GARMENT_Y1 - GarmentPhotos.GARMENT_Y0) / (double) (GarmentPhotos.WIDTH
                        * GarmentPhotos.HEIGHT);
        assertThat(set.share(PhotoRegions.GARMENT)).isCloseTo(garmentShare, org.assertj.core.data.Offset.offset(0.03));
        // the stated colour is in the planes of the first photo only
        float[] stated = set.planes(0);
        float[] unstated = set.planes(1);
        int flag = 4 * SegmenterInput.CELLS;
        assertThat(stated[flag]).isEqualTo(1f);
        assertThat(unstated[flag]).isEqualTo(0f);
    }

    @Test
    void cleaningDropsSpecksAndFillsPinholes() {
        int w = 5;
        boolean[] speck = new boolean[w * w];
        speck[12] = true;
        assertThat(SegmentationSet.clean(speck, w, w)[12]).isFalse();
        boolean[] hole = new boolean[w * w];
        Arrays.fill(hole, true);
        hole[12] = false;
        assertThat(SegmentationSet.clean(hole, w, w)[12]).isTrue();
    }

    @Test
    void coarseningKeepsTheMajorityAndBreaksTiesTowardsTheGarment() {
        byte[] fine = new byte[SegmenterInput.CELLS];
        fine[0] = PhotoRegions.GARMENT;
        fine[1] = PhotoRegions.GARMENT;
        fine[SegmenterInput.WIDTH] = PhotoRegions.PERSON;
        fine[2] = PhotoRegions.PERSON; // second cell: one person, three background
        assertThat(SegmentationSet.coarsen(fine)[0]).isEqualTo((byte) PhotoRegions.GARMENT);
        assertThat(SegmentationSet.coarsen(fine)[1]).isEqualTo((byte) PhotoRegions.BACKGROUND);
    }

    @Test
    void rejectsOnePhotoMismatchedListsAndPhotosOfDifferentSizes() {
        BufferedImage a = GarmentPhotos.photo(35, 10, -35, 10);
        BufferedImage small = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> SegmentationSet.builder().addColourways(List.of(a), Arrays.asList((Swatch) null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two colourways");
        assertThatThrownBy(() -> SegmentationSet.builder().addColourways(List.of(a, a), Arrays.asList((Swatch) null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 photos but 1 stated colours");
        assertThatThrownBy(() -> SegmentationSet.builder().addColourways(List.of(a, small),
                Arrays.asList(null, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colourway 1 is 10x10, colourway 0 is 120x100");
    }
}
