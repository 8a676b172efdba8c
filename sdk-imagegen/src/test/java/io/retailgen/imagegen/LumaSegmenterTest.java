package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.testing.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The bundled segmenter on held-out styles of the Luma catalog (skipped when the shared data is absent): styles whose
 * {@code String.hashCode} is odd were not trained on.
 */
class LumaSegmenterTest {
    private static final int PAIRS = 6;

    @Test
    void bundledSegmenterFindsTheGarmentOnHeldOutStyles() throws IOException {
        Path pairsFile = SharedData.require("catalog/luma/pairs.jsonl");
        Path luma = pairsFile.getParent();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> heldOut = new ArrayList<>();
        Map<String, String> swatchOf = new HashMap<>();
        for (String line : Files.readAllLines(pairsFile)) {
            if (!line.isBlank()) {
                JsonNode p = json.readTree(line);
                swatchOf.put(p.get("style").asText() + "/" + p.get("dst_color").asText(), p.get("swatch").asText());
                if ((p.get("style").asText().hashCode() & 1) == 1) {
                    heldOut.add(p);
                }
            }
        }
        double[] iou = new double[PAIRS];
        try (SegmenterModel segmenter = SegmenterModel.bundled()) {
            assertThat(segmenter.provenance().hyperParameters().get("data")).contains("Luma");
            for (int k = 0; k < PAIRS; k++) {
                JsonNode p = heldOut.get(k * heldOut.size() / PAIRS);
                BufferedImage src = ImageIO.read(luma.resolve(p.get("src").asText()).toFile());
                BufferedImage dst = ImageIO.read(luma.resolve(p.get("dst").asText()).toFile());
                String stated = swatchOf.get(p.get("style").asText() + "/" + p.get("src_color").asText());
                GarmentMask mask = segmenter.segment(src, stated == null ? null : Swatch.hex(stated));
                iou[k] = iou(trueGarment(src, dst), mask.toArray());
            }
        }
        Arrays.sort(iou);
        assertThat((iou[PAIRS / 2 - 1] + iou[PAIRS / 2]) / 2).as("median garment IoU %s", Arrays.toString(iou))
                .isGreaterThan(0.85);
    }

    private static boolean[] trueGarment(BufferedImage a, BufferedImage b) {
        int w = a.getWidth();
        int h = a.getHeight();
        int[] pa = a.getRGB(0, 0, w, h, null, 0, w);
        int[] pb = b.getRGB(0, 0, w, h, null, 0, w);
        boolean[] out = new boolean[pa.length];
        for (int i = 0; i < pa.length; i++) {
            int x = pa[i] & 0xffffff;
            int y = pb[i] & 0xffffff;
            out[i] = x != y && Ciede2000.distance(x, y) > SegmentationSet.GARMENT_DELTA_E;
        }
        return out;
    }

    private static double iou(boolean[] truth, boolean[] mask) {
        int both = 0;
        int either = 0;
        for (int i = 0; i < truth.length; i++) {
            both += truth[i] && mask[i] ? 1 : 0;
            either += truth[i] || mask[i] ? 1 : 0;
        }
        return either == 0 ? 1 : both / (double) either;
    }
}
