package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhotoRegionsTest {
    @Test
    void countsRegionsAndGivesTheGarmentMask() {
        byte[] codes = {0, 1, 2, 2, 1, 0};
        PhotoRegions regions = PhotoRegions.of(3, 2, codes);
        codes[2] = 0; // copied
        assertThat(regions.regionAt(2, 0)).isEqualTo(PhotoRegions.GARMENT);
        assertThat(regions.count(PhotoRegions.GARMENT)).isEqualTo(2);
        assertThat(regions.count(PhotoRegions.PERSON)).isEqualTo(2);
        assertThat(regions.mask(PhotoRegions.BACKGROUND)).containsExactly(true, false, false, false, false, true);
        GarmentMask garment = regions.garment();
        assertThat(garment.count()).isEqualTo(2);
        assertThat(garment.contains(0, 1)).isTrue();
    }

    @Test
    void rejectsWrongSizesAndUnknownCodes() {
        assertThatThrownBy(() -> PhotoRegions.of(2, 2, new byte[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("regions of 2x2 need 4 codes, got 3");
        assertThatThrownBy(() -> PhotoRegions.of(2, 1, new byte[] {0, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region code at pixel 1 is 3");
    }
}
