package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.recommend.Interaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleShopTest {

    @Test
    void sameSeedGivesSameDataAndOtherSeedDiffers() {
        ShopData a = SampleShop.generate(3, 200);
        ShopData b = SampleShop.generate(3, 200);
        ShopData c = SampleShop.generate(4, 200);
        assertThat(a.interactions()).isEqualTo(b.interactions());
        assertThat(a.interactions()).isNotEqualTo(c.interactions());
    }

    @Test
    void everySessionHasTwoToEightClicksInTimeOrderOnNamedItems() {
        ShopData shop = SampleShop.generate(11, 300);
        Map<String, Integer> lengths = new HashMap<>();
        Map<String, Double> lastTime = new HashMap<>();
        for (Interaction i : shop.interactions()) {
            lengths.merge(i.sessionId(), 1, Integer::sum);
            Double before = lastTime.put(i.sessionId(), i.timestamp());
            if (before != null) {
                assertThat(i.timestamp()).isGreaterThan(before);
            }
            assertThat(shop.displayName(i.itemId())).isNotEqualTo(i.itemId()).isNotBlank();
        }
        assertThat(lengths).hasSize(300);
        assertThat(lengths.values()).allSatisfy(n -> assertThat(n).isBetween(1, 8));
        assertThat(lengths.values().stream().filter(n -> n >= 2).count()).isGreaterThan(250);
        assertThat(shop.catalog().size()).isEqualTo(48);
    }

    @Test
    void featuredItemsAreTheMostClickedInOrder() {
        ShopData shop = SampleShop.generate(5, 500);
        Map<String, Integer> counts = new HashMap<>();
        shop.interactions().forEach(i -> counts.merge(i.itemId(), 1, Integer::sum));
        List<String> featured = shop.featured();
        assertThat(featured).hasSize(12).doesNotHaveDuplicates();
        for (int i = 1; i < featured.size(); i++) {
            assertThat(counts.get(featured.get(i - 1))).isGreaterThanOrEqualTo(counts.get(featured.get(i)));
        }
        int least = counts.get(featured.get(featured.size() - 1));
        counts.keySet().removeAll(featured);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(least));
    }

    @Test
    void rejectsNonPositiveSessionCount() {
        assertThatThrownBy(() -> SampleShop.generate(1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sessions must be >= 1, was 0");
    }

    @Test
    void readsASessionFileAndNamesItsItems(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.tsv");
        Files.writeString(file, "SessionId\tItemId\tTime\n1\t42\t100.5\n1\t43\t101\nbad row\n2\t42\t200\n");
        ShopData shop = ShopData.fromSessionFile(file);
        assertThat(shop.interactions()).hasSize(3);
        assertThat(shop.displayName("42")).isEqualTo("Item 42");
        assertThat(shop.featured()).startsWith("42");
    }

    @Test
    void sharedOrSampleFallsBackToTheGeneratedShopWhenTheFileIsAbsent(@TempDir Path dir) {
        ShopData shop = ShopData.sharedOrSample(dir, 42);
        assertThat(shop.source()).startsWith("generated sample (seed 42");
    }
}
