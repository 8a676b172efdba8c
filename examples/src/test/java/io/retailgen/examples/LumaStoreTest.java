package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.retailgen.imagegen.Ciede2000;
import io.retailgen.recommend.CatalogItem;
import io.retailgen.recommend.Interaction;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LumaStoreTest {

    @Test
    void isFoundBelowTheSharedDataFolderOnlyWhenItIsThere(@TempDir Path shared) throws Exception {
        assertThat(LumaStore.find(null)).isEmpty();
        assertThat(LumaStore.find(shared)).isEmpty();
        LumaFixture.write(shared.resolve(LumaStore.SHARED_LUMA));
        assertThat(LumaStore.find(shared)).get().satisfies(l -> assertThat(l.catalog().products()).hasSize(4));
    }

    @Test
    void theShopIsTheCatalogWithSessionsOverItsCategories(@TempDir Path dir) throws Exception {
        LumaStore luma = LumaStore.open(LumaFixture.write(dir));
        ShopData shop = luma.shop(7, 400);
        assertThat(shop.catalog().size()).isEqualTo(4);
        CatalogItem hoodie = shop.catalog().item("TH02").orElseThrow();
        assertThat(hoodie.displayName()).isEqualTo("Summit Hoodie");
        assertThat(hoodie.price()).isEqualTo(54.5);
        assertThat(hoodie.category()).isEqualTo("Men/Tops/Hoodies");
        assertThat(shop.featured()).as("only products with photos are featured")
                .containsExactlyInAnyOrder("TT01", "TH02", "TP03");
        assertThat(shop.interactions().stream().map(Interaction::sessionId).distinct().count()).isEqualTo(400);
        Set<String> seen = shop.interactions().stream().map(Interaction::itemId).collect(Collectors.toSet());
        assertThat(seen).contains("TT01", "TH02", "TP03", "24-MB01");
        assertThat(shop.source()).startsWith("Luma catalog").contains("4 products; 400 sessions generated");
        assertThat(LumaStore.department("Men/Tops/Hoodies")).isEqualTo("Men/Tops");
        assertThat(LumaStore.department("")).isEmpty();
        assertThat(luma.shop(7, 400).interactions()).as("the same seed, the same sessions")
                .isEqualTo(shop.interactions());
    }

    @Test
    void colourwayPairsTakeTwoColourwaysOfOneViewPerProduct(@TempDir Path dir) throws Exception {
        LumaStore luma = LumaStore.open(LumaFixture.write(dir));
        List<LumaStore.ColourwayPair> pairs = luma.colourwayPairs(List.of("24-MB01", "TH02", "TT01", "TP03"), 2);
        assertThat(pairs).hasSize(2);
        assertThat(pairs.get(0).product().style()).isEqualTo("TH02");
        assertThat(pairs.get(0).source().colour()).isEqualTo("Blue");
        assertThat(pairs.get(0).target().colour()).isEqualTo("Red");
        assertThat(pairs.get(1).product().style()).isEqualTo("TT01");
        assertThat(luma.mainPhoto("TH02")).get().extracting(p -> p.colour()).isEqualTo("Blue");
        assertThat(luma.mainPhoto("24-MB01")).isEmpty();
        assertThat(luma.reviews("TH02")).hasSize(2);
    }

    @Test
    void aColourwayVariantTakesTheOtherColourwaysColourCardAndChangesOnlyTheGarment(@TempDir Path dir)
            throws Exception {
        LumaStore luma = LumaStore.open(LumaFixture.write(dir));
        for (LumaStore.ColourwayPair pair : luma.colourwayPairs(List.of("TH02", "TT01", "TP03"), 3)) {
            ColourwayVariant v = ColourwayVariant.make(pair);
            BufferedImage src = v.source();
            BufferedImage real = v.real();
            assertThat(v.recoloured().getWidth()).isEqualTo(LumaFixture.WIDTH);
            assertThat(v.recoloured().getHeight()).isEqualTo(LumaFixture.HEIGHT);
            int target = LumaFixture.COLOURS.get(pair.target().colour());
            String what = pair.product().style() + " " + pair.source().colour() + " -> " + pair.target().colour();
            // the colour card is the median of the real photo's shaded garment: within the fold shading of the fill
            assertThat(Ciede2000.distance(v.swatch().toRgb(), target)).as(what).isLessThan(12);
            int w = src.getWidth();
            int h = src.getHeight();
            boolean[] differs = new boolean[w * h];
            for (int i = 0; i < differs.length; i++) {
                differs[i] = Ciede2000.distance(src.getRGB(i % w, i / w), real.getRGB(i % w, i / w)) > 10;
            }
            double garment = 0;
            int garmentPixels = 0;
            double rest = 0;
            int restPixels = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double d = Ciede2000.distance(v.recoloured().getRGB(x, y), real.getRGB(x, y));
                    if (!differs[y * w + x]) {
                        rest += d;
                        restPixels++;
                    } else if (inside(differs, w, h, x, y)) {
                        // the garment 2 px in from its edge: at 120 px a JPEG's smeared edge is a fifth of it
                        garment += d;
                        garmentPixels++;
                    }
                }
            }
            assertThat(garment / garmentPixels).as(what + ": mean CIEDE2000 to the real photo on the garment")
                    .isLessThan(6);
            assertThat(rest / restPixels).as(what + ": elsewhere").isLessThan(1.5);
            assertThat(v.maskShare()).isBetween(0.05, 0.5);
            assertThat(v.seconds()).isPositive();
            assertThat(v.swatchHex()).matches("#[0-9a-f]{6}");
        }
    }

    private static boolean inside(boolean[] mask, int w, int h, int x, int y) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int xx = x + dx;
                int yy = y + dy;
                if (xx < 0 || yy < 0 || xx >= w || yy >= h || !mask[yy * w + xx]) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void characterReferencesInNamesAndCopyAreShownAsCharacters() {
        assertThat(LumaStore.plainText("Minerva LumaTech&trade; V-Tee")).isEqualTo("Minerva LumaTech\u2122 V-Tee");
        assertThat(LumaStore.plainText("HeatTec&reg; &frac14; zip &amp; more &#233;t&#xE9;"))
                .isEqualTo("HeatTec\u00ae \u00bc zip & more \u00e9t\u00e9");
        assertThat(LumaStore.plainText("R&D &unknown; &#0; & plain")).isEqualTo("R&D &unknown; &#0; & plain");
    }

    @Test
    void scalingKeepsTheAspectRatioAndEncodesJpegAndPng() {
        BufferedImage big = LumaFixture.draw(0x2f5aa8, false);
        BufferedImage small = ColourwayVariant.scaled(big, 40);
        assertThat(small.getWidth()).isEqualTo(40);
        assertThat(small.getHeight()).isEqualTo(50);
        assertThat(ColourwayVariant.scaled(big, 400)).isSameAs(big);
        assertThat(ColourwayVariant.encode(small, "jpg")).startsWith((byte) 0xff, (byte) 0xd8);
        assertThat(ColourwayVariant.encode(small, "png")).startsWith((byte) 0x89, (byte) 'P');
    }
}
