package io.retailgen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.forecast.FanChart;
import io.retailgen.governance.ContentPolicy;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.ReviewQueue;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreativeStudioTest {

    @Test
    void bannersPassThePolicyAndDecisionsAreQueuedPublishedAndAudited(@TempDir Path dir) {
        try (Governance gov = Governance.open(dir.resolve("audit"), ContentPolicy.defaults());
                CreativeStudio studio = CreativeStudio.open(TestShops.imageModel(), dir.resolve("store"), gov)) {
            List<CreativeStudio.Brief> briefs = List.of(new CreativeStudio.Brief(0, "New season: T-shirt"),
                    new CreativeStudio.Brief(2, Demo.BAD_BANNER), new CreativeStudio.Brief(3, null));
            List<CreativeStudio.Asset> assets = studio.generate(briefs, 11);
            assertThat(assets).hasSize(3);
            assertThat(assets.get(0).bannerShown()).isEqualTo("New season: T-shirt");
            assertThat(assets.get(1).bannerBlocked()).isTrue();
            assertThat(assets.get(1).bannerShown()).isNull();
            assertThat(assets.get(1).findings()).anyMatch(r -> r.startsWith("counterfeit"));
            assertThat(assets.get(2).bannerShown()).isNull();
            assertThat(assets).allSatisfy(a -> {
                assertThat(studio.status(a.assetId())).isEqualTo(ReviewQueue.Status.PENDING);
                // size, aspect ratio and margins are fixed by the pipeline; how close the generated product's own
                // colours come to the palette depends on the (time-boxed) model, so only palette findings may appear
                assertThat(a.styleViolations()).allMatch(v -> v.startsWith("dominant colour"));
                assertThat(AssetStore.readLineage(studio.png(a.assetId())).seed()).isEqualTo(a.seed());
            });
            assertThat(studio.generate(briefs.subList(0, 1), 11).get(0).assetId()).as("same seed, same image")
                    .isEqualTo(assets.get(0).assetId());

            studio.decide(assets.get(0).assetId(), true, "maria", "on brand");
            studio.decide(assets.get(1).assetId(), false, "maria", "banner blocked");
            assertThat(studio.status(assets.get(0).assetId())).isEqualTo(ReviewQueue.Status.APPROVED);
            assertThat(studio.status(assets.get(1).assetId())).isEqualTo(ReviewQueue.Status.REJECTED);
            assertThatThrownBy(() -> studio.decide(assets.get(0).assetId(), false, "omar", ""))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already decided: APPROVED");
            String third = assets.get(2).assetId();
            assertThatThrownBy(() -> studio.decide(third, true, " bad", "")).hasMessageContaining("reviewer");
            assertThatThrownBy(() -> studio.decide(third, true, "ok", "x".repeat(201)))
                    .hasMessageContaining("at most 200");
            assertThatThrownBy(() -> studio.decide("f".repeat(64), true, "ok", "")).hasMessageContaining("unknown");

            List<AuditEntry> log = gov.recent(100);
            assertThat(log).filteredOn(e -> e.type().equals("review")).extracting(AuditEntry::operation)
                    .containsExactlyInAnyOrder("review.approve", "review.reject");
            // per asset (3, and the first again) one generation and one render; the asset whose banner was blocked
            // is rendered again without it
            assertThat(log).filteredOn(e -> e.operation().equals("generate")).hasSize(4);
            assertThat(log).filteredOn(e -> e.operation().equals("render")).extracting(AuditEntry::verdict)
                    .containsExactlyInAnyOrder("ALLOW", "BLOCK", "ALLOW", "ALLOW", "ALLOW");
            assertThat(gov.verify().valid()).isTrue();
        }
    }

    @Test
    void generatedSilhouettesHaveFourBalancedCategories() {
        ImageSetup.Library lib = ImageSetup.sharedOrSample(null, 400, 3);
        assertThat(lib.images().count()).isEqualTo(400);
        assertThat(lib.images().countsPerCategory()).containsExactly(100, 100, 100, 100);
        assertThat(lib.categoryNames()).isEqualTo(ImageSetup.SAMPLE_CATEGORIES);
        assertThat(ImageSetup.sharedOrSample(null, 400, 3).images().pixels()).isEqualTo(lib.images().pixels());
        assertThatThrownBy(() -> ImageSetup.sharedOrSample(null, 100, 3)).hasMessageContaining(">= 128");
    }

    @Test
    void chartsHaveTheirDocumentedSizes() {
        Planner p = TestShops.planner();
        BufferedImage fan = FanChart.render("t", p.data().focus().values(), p.data().periods(),
                p.baseline().scenarios(), List.of(new FanChart.Overlay("x", p.baseline().mean(), 0xff0000, true)));
        assertThat(fan.getWidth()).isEqualTo(900);
        assertThat(fan.getHeight()).isEqualTo(420);
        BufferedImage tile = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        BufferedImage sheet = Charts.contactSheet(List.of(new Charts.Tile(tile, "a", 0), new Charts.Tile(tile, "b", 0),
                new Charts.Tile(tile, "c", 0)), 2);
        assertThat(sheet.getWidth()).isEqualTo(16 + 2 * 216);
        assertThat(sheet.getHeight()).isEqualTo(16 + 2 * 238);
        assertThat(Charts.png(sheet)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThatThrownBy(() -> Charts.contactSheet(List.of(), 2)).hasMessageContaining("at least one tile");
    }
}
