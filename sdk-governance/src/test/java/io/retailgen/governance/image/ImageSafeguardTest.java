package io.retailgen.governance.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import io.retailgen.core.intercept.Verdict;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ImageSafeguardTest {

    /** A product-shot-like picture: a gradient backdrop, a few filled shapes, an outline and a word. */
    static BufferedImage product(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = 160 + r.nextInt(80);
        int h = 160 + r.nextInt(80);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, color(r), w, h, color(r)));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 4; i++) {
            g.setColor(color(r));
            int x = r.nextInt(w * 3 / 4);
            int y = r.nextInt(h * 3 / 4);
            int sw = 20 + r.nextInt(w / 2);
            int sh = 20 + r.nextInt(h / 2);
            switch (r.nextInt(3)) {
                case 0 -> g.fillOval(x, y, sw, sh);
                case 1 -> g.fillRect(x, y, sw, sh);
                default -> g.fillPolygon(new int[] {x, x + sw, x + r.nextInt(sw + 1)},
                        new int[] {y + sh, y + sh, y}, 3);
            }
        }
        g.setColor(color(r));
        g.setStroke(new BasicStroke(3 + r.nextInt(5)));
        g.drawRoundRect(r.nextInt(w / 4), r.nextInt(h / 4), w / 2, h / 2, 20, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20 + r.nextInt(20)));
        g.drawString(Long.toString(seed * 7919 % 100_000, 36).toUpperCase(), r.nextInt(w / 3), h / 2 + r.nextInt(h / 3));
        g.dispose();
        return img;
    }

    private static Color color(SplittableRandom r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    static BufferedImage resize(BufferedImage src, double factor) {
        int w = Math.max(2, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(2, (int) Math.round(src.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    static BufferedImage blur(BufferedImage src) {
        float[] k = {1 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 4 / 16f, 2 / 16f, 1 / 16f, 2 / 16f, 1 / 16f};
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(3, 3, k), ConvolveOp.EDGE_NO_OP, null).filter(src, out);
        return out;
    }

    static BufferedImage brighten(BufferedImage src, int delta) {
        return new java.awt.image.RescaleOp(1f, delta, null).filter(src, null);
    }

    static BufferedImage jpeg(BufferedImage src) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(src, "jpg", bytes);
            return ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final List<UnaryOperator<BufferedImage>> EDITS = List.of(
            i -> resize(i, 0.5), i -> resize(i, 1.7), ImageSafeguardTest::blur, i -> brighten(i, 25),
            i -> brighten(i, -25), ImageSafeguardTest::jpeg, i -> jpeg(blur(resize(i, 0.6))));

    /** The shared data file: under -Dretailgen.shared.data, else under a shared/data beside a parent directory. */
    static Path sharedData(String relative) {
        String prop = System.getProperty("retailgen.shared.data");
        if (prop != null && Files.isReadable(Path.of(prop, relative))) {
            return Path.of(prop, relative);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("shared/data").resolve(relative);
            if (Files.isReadable(f)) {
                return f;
            }
        }
        return null;
    }

    static List<BufferedImage> fashionMnist(int count) throws IOException {
        Path file = sharedData("images/fashion-mnist/t10k-images-idx3-ubyte.gz");
        Assumptions.assumeTrue(file != null, "skipped: Fashion-MNIST not found; set -Dretailgen.shared.data");
        List<BufferedImage> out = new ArrayList<>();
        try (InputStream in = new java.io.DataInputStream(new GZIPInputStream(Files.newInputStream(file)))) {
            java.io.DataInputStream d = (java.io.DataInputStream) in;
            int magic = d.readInt();
            assertThat(magic).isEqualTo(0x803);
            int n = d.readInt();
            int rows = d.readInt();
            int cols = d.readInt();
            for (int k = 0; k < Math.min(n, count); k++) {
                BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        int v = 255 - d.readUnsignedByte();
                        img.setRGB(x, y, (v << 16) | (v << 8) | v);
                    }
                }
                out.add(resize(img, 4));
            }
        }
        return out;
    }

    @Test
    void editedCopiesMatchTheirOriginalAndDifferentPicturesDoNot() {
        ImageSafeguard.Builder b = ImageSafeguard.builder();
        List<BufferedImage> originals = new ArrayList<>();
        for (int seed = 0; seed < 40; seed++) {
            BufferedImage img = product(seed);
            originals.add(img);
            b.register("p" + seed, seed % 2 == 0 ? ImageKind.PROTECTED_MARK : ImageKind.TRAINING_IMAGE, img);
        }
        ImageSafeguard guard = b.build();
        assertThat(guard.size()).isEqualTo(40);
        for (int seed = 0; seed < 8; seed++) {
            for (int e = 0; e < EDITS.size(); e++) {
                List<ImageMatch> m = guard.matches(EDITS.get(e).apply(originals.get(seed)));
                assertThat(m).as("seed %d edit %d", seed, e).extracting(ImageMatch::id).containsExactly("p" + seed);
                assertThat(m.get(0).pHashDistance()).isLessThanOrEqualTo(6);
            }
        }
        for (int seed = 40; seed < 70; seed++) {
            assertThat(guard.matches(product(seed))).as("unregistered picture %d", seed).isEmpty();
        }
        // every pair of distinct pictures is far apart in both hashes
        for (int i = 0; i < 40; i++) {
            ImageHash a = ImageHash.of(originals.get(i));
            for (int j = i + 1; j < 40; j++) {
                ImageHash c = ImageHash.of(originals.get(j));
                assertThat(a.pHashDistance(c)).as("%d vs %d", i, j).isGreaterThan(ImageSafeguard.DEFAULT_THRESHOLD);
            }
        }
    }

    @Test
    void fashionMnistProductPhotosSurviveEditsAndRarelyCollide() throws IOException {
        List<BufferedImage> images = fashionMnist(400);
        ImageSafeguard.Builder b = ImageSafeguard.builder();
        for (int i = 0; i < 50; i++) {
            b.register("train-" + i, ImageKind.TRAINING_IMAGE, images.get(i));
        }
        ImageSafeguard guard = b.build();
        for (int i = 0; i < 50; i += 5) {
            for (UnaryOperator<BufferedImage> e : EDITS) {
                assertThat(guard.matches(e.apply(images.get(i)))).extracting(ImageMatch::id).contains("train-" + i);
            }
        }
        // 28x28 silhouettes of plain items (tees, sandals) can be near-identical; collisions must stay rare
        List<ImageHash> hashes = images.stream().map(ImageHash::of).toList();
        int pairs = 0;
        int close = 0;
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = i + 1; j < hashes.size(); j++) {
                pairs++;
                ImageHash x = hashes.get(i);
                ImageHash y = hashes.get(j);
                if (x.pHashDistance(y) <= 10 && x.dHashDistance(y) <= 20) {
                    close++;
                }
            }
        }
        assertThat((double) close / pairs).isLessThan(0.01);
    }

    @Test
    void hashesAreSizeIndependentAndRoundTripAsHex() {
        BufferedImage img = product(7);
        ImageHash h = ImageHash.of(img);
        assertThat(ImageHash.parse(h.toHex())).isEqualTo(h);
        assertThat(h.pHash() & Long.MIN_VALUE).as("DC bit").isZero();
        assertThat(Long.bitCount(h.pHash())).isBetween(20, 40);
        assertThat(ImageHash.hamming(0L, -1L)).isEqualTo(64);
        assertThatThrownBy(() -> ImageHash.of(new BufferedImage(1, 5, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x5");
        assertThatThrownBy(() -> ImageHash.parse("xyz")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSafeguard.builder().threshold(40)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageSafeguard.builder().register("a", ImageKind.PROTECTED_MARK, h)
                .register("a", ImageKind.TRAINING_IMAGE, h)).hasMessageContaining("'a'");
    }

    @Test
    void interceptorBlocksCounterfeitAndMemorizedImagesAndUnreadableBytes() throws IOException {
        BufferedImage logo = product(3);
        BufferedImage train = product(4);
        ImageSafeguard guard = ImageSafeguard.builder().register("acme-logo", ImageKind.PROTECTED_MARK, logo)
                .register("train-4", ImageKind.TRAINING_IMAGE, train).build();
        InterceptorChain chain = InterceptorChain.of(new ImageSafeguardInterceptor(guard));
        java.util.function.Function<GenerationRequest, GenerationResponse> deliver = r -> GenerationResponse.allow(null);

        GenerationResponse mark = chain.execute(imageRequest(png(resize(logo, 0.8))), deliver);
        assertThat(mark.verdict()).isEqualTo(Verdict.BLOCK);
        assertThat(mark.findings()).extracting(f -> f.ruleId()).containsExactly("image.protected-mark");
        assertThat(mark.findings().get(0).message()).contains("acme-logo");

        GenerationResponse memorized = chain.execute(imageRequest(png(blur(train))), deliver);
        assertThat(memorized.findings()).extracting(f -> f.category()).containsExactly("memorization");

        assertThat(chain.execute(imageRequest(png(product(5))), deliver).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(chain.execute(imageRequest(new byte[] {1, 2, 3}), deliver).findings())
                .extracting(f -> f.ruleId()).containsExactly("image.unreadable");
    }

    private static GenerationRequest imageRequest(byte[] bytes) {
        return GenerationRequest.builder().module("imagegen").operation("variation").image(bytes).build();
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
