package io.retailgen.imagegen;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.InterceptorChain;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Deterministic post-processing of a greyscale product image into a brand asset: aspect-ratio fit (pad or
 * content-aware crop) with margins, upscaling (bilinear), lighting (exposure, gamma, directional shading), recolouring
 * to a palette colour, background (solid, gradient, texture) and a banner whose text first passes the sdk-core
 * interceptors. The same input and recipe always give the same pixels.
 *
 * <pre>{@code
 * AssetPipeline pipeline = AssetPipeline.builder().guide(StyleGuide.read(file)).interceptors(chain).build();
 * StyledAsset asset = pipeline.render(batch.image(0), 28, 28, StyleRecipe.simple(1, 0).withBanner("Sale", UK));
 * }</pre>
 *
 * <p>Immutable and safe for concurrent use (as far as the interceptors are).
 */
public final class AssetPipeline {
    private static final double BANNER_SHARE = 0.12;
    private static final int LEVELS = 1024;
    private final StyleGuide guide;
    private final InterceptorChain interceptors;

    private AssetPipeline(StyleGuide guide, InterceptorChain interceptors) {
        this.guide = guide;
        this.interceptors = interceptors;
    }

    /** @return a builder; the guide is required */
    public static Builder builder() {
        return new Builder();
    }

    InterceptorChain interceptorsForVariants() {
        return interceptors;
    }

    /** @return the style guide */
    public StyleGuide guide() {
        return guide;
    }

    /**
     * @param grey {@code width * height} greyscale bytes, bright product on dark ground (as Fashion-MNIST)
     * @param width source width
     * @param height source height
     * @param recipe the styling
     * @return the finished asset
     * @throws IllegalArgumentException when the recipe names a size or colour the guide does not have
     */
    public StyledAsset render(byte[] grey, int width, int height, StyleRecipe recipe) {
        Objects.requireNonNull(grey, "grey == null");
        Objects.requireNonNull(recipe, "recipe == null");
        if (width < 1 || height < 1 || grey.length != width * height) {
            throw new IllegalArgumentException(grey.length + " bytes do not make a " + width + "x" + height
                    + " image");
        }
        List<int[]> sizes = guide.sizes();
        List<Integer> palette = guide.palette();
        if (recipe.sizeIndex() >= sizes.size()) {
            throw new IllegalArgumentException("size index " + recipe.sizeIndex() + " not in 0.." + (sizes.size() - 1));
        }
        if (recipe.productColour() >= palette.size() || recipe.backgroundColour() >= palette.size()) {
            throw new IllegalArgumentException("palette indices " + recipe.productColour() + ", "
                    + recipe.backgroundColour() + " not in 0.." + (palette.size() - 1));
        }
        int outW = sizes.get(recipe.sizeIndex())[0];
        int outH = sizes.get(recipe.sizeIndex())[1];
        List<String> steps = new ArrayList<>();

        String banner = null;
        boolean blocked = false;
        List<Finding> findings = List.of();
        if (recipe.bannerText() != null && !recipe.bannerText().isBlank()) {
            GenerationRequest req = GenerationRequest.builder().module("imagegen").operation("banner")
                    .text(recipe.bannerText()).locale(recipe.locale()).build();
            GenerationResponse resp = interceptors.execute(req, r -> GenerationResponse.allow(r.text()));
            findings = resp.findings();
            if (resp.blocked()) {
                blocked = true;
                steps.add("banner:blocked");
            } else {
                banner = resp.text();
            }
        }
        int bannerH = banner == null ? 0 : (int) Math.round(outH * BANNER_SHARE);
        int margin = (int) Math.round(guide.margin() * Math.min(outW, outH));
        int boxW = Math.max(1, outW - 2 * margin);
        int boxH = Math.max(1, outH - 2 * margin - bannerH);

        // source window (crop) and destination rectangle (pad)
        double sx0 = 0;
        double sy0 = 0;
        double sw = width;
        double sh = height;
        int dw;
        int dh;
        if (guide.fit() == StyleGuide.Fit.CROP) {
            int[] bb = boundingBox(grey, width, height);
            double cw = bb[2] - bb[0];
            double ch = bb[3] - bb[1];
            double want = (double) boxW / boxH;
            if (cw / ch > want) {
                ch = cw / want;
            } else {
                cw = ch * want;
            }
            sx0 = (bb[0] + bb[2]) / 2.0 - cw / 2;
            sy0 = (bb[1] + bb[3]) / 2.0 - ch / 2;
            sw = cw;
            sh = ch;
            dw = boxW;
            dh = boxH;
            steps.add(String.format(Locale.ROOT, "fit:crop(%.1f,%.1f,%.1f,%.1f)", sx0, sy0, sw, sh));
        } else {
            double scale = Math.min((double) boxW / width, (double) boxH / height);
            dw = Math.max(1, (int) Math.round(width * scale));
            dh = Math.max(1, (int) Math.round(height * scale));
            steps.add("fit:pad(" + outW + "x" + outH + ",margin=" + margin + ")");
        }
        int dx = (outW - dw) / 2;
        int dy = margin + (boxH - dh) / 2;
        steps.add("upscale:bilinear(" + width + "x" + height + "->" + dw + "x" + dh + ")");
        steps.add(String.format(Locale.ROOT, "light:exposure=%.2f,gamma=%.2f,angle=%.0f,strength=%.2f",
                recipe.exposure(), recipe.gamma(), recipe.lightAngle(), recipe.lightStrength()));
        int product = palette.get(recipe.productColour());
        int bg = palette.get(recipe.backgroundColour());
        steps.add(String.format(Locale.ROOT, "recolour:#%06X", product));
        steps.add(String.format(Locale.ROOT, "background:%s:#%06X", guide.background().name().toLowerCase(Locale.ROOT),
                bg));

        BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int light = (int) Math.round(0.12 * 255);
        for (int y = 0; y < outH; y++) {
            int rowBg = background(bg, y, outH, light);
            if (guide.background() == StyleGuide.Background.TEXTURE) {
                for (int x = 0; x < outW; x++) {
                    out[y * outW + x] = texture(rowBg, x, y);
                }
            } else {
                java.util.Arrays.fill(out, y * outW, (y + 1) * outW, rowBg);
            }
        }
        double exposure = Math.pow(2, recipe.exposure());
        double invGamma = 1 / recipe.gamma();
        double ca = Math.cos(Math.toRadians(recipe.lightAngle()));
        double sa = Math.sin(Math.toRadians(recipe.lightAngle()));
        double strength = recipe.lightStrength();
        int pr = (product >> 16) & 0xff;
        int pg = (product >> 8) & 0xff;
        int pb = product & 0xff;
        // lighting and alpha depend only on the interpolated grey level: tabulate them at 1/LEVELS steps
        float[] litBase = new float[LEVELS + 1];
        float[] alphaOf = new float[LEVELS + 1];
        for (int q = 0; q <= LEVELS; q++) {
            double v = (double) q / LEVELS;
            litBase[q] = (float) (0.55 + 0.45 * Math.pow(Math.min(1, v * exposure), invGamma));
            alphaOf[q] = (float) Math.min(1, v * 2);
        }
        int pw = width + 2;
        int[] padded = new int[pw * (height + 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                padded[(y + 1) * pw + x + 1] = grey[y * width + x] & 0xff;
            }
        }
        int[] x0s = new int[dw];
        float[] fxs = new float[dw];
        for (int x = 0; x < dw; x++) {
            double sxf = sx0 + (x + 0.5) * sw / dw - 0.5 + 1;
            sxf = Math.max(0, Math.min(width + 0.999, sxf));
            x0s[x] = (int) sxf;
            fxs[x] = (float) (sxf - x0s[x]);
        }
        double dirX = strength * ca / Math.max(1, dw - 1);
        for (int y = 0; y < dh; y++) {
            double syf = sy0 + (y + 0.5) * sh / dh - 0.5 + 1;
            syf = Math.max(0, Math.min(height + 0.999, syf));
            int y0 = (int) syf;
            float fy = (float) (syf - y0);
            int r0 = y0 * pw;
            int r1 = Math.min(y0 + 1, height + 1) * pw;
            double ny = (double) y / Math.max(1, dh - 1);
            double dirRow = 1 + strength * (0.5 * ca + (0.5 - ny) * sa);
            int rowOut = (dy + y) * outW + dx;
            for (int x = 0; x < dw; x++) {
                int xa = x0s[x];
                int xb = Math.min(xa + 1, width + 1);
                float fx = fxs[x];
                float top = padded[r0 + xa] + (padded[r0 + xb] - padded[r0 + xa]) * fx;
                float bottom = padded[r1 + xa] + (padded[r1 + xb] - padded[r1 + xa]) * fx;
                float v = top + (bottom - top) * fy;
                if (v <= 2.55f) {
                    continue;
                }
                int q = (int) (v * (LEVELS / 255f) + 0.5f);
                double shade = Math.min(1, litBase[q] * (dirRow - dirX * x));
                float alpha = alphaOf[q];
                int o = rowOut + x;
                int b0 = out[o];
                int r = mix((b0 >> 16) & 0xff, pr * shade, alpha);
                int g = mix((b0 >> 8) & 0xff, pg * shade, alpha);
                int b = mix(b0 & 0xff, pb * shade, alpha);
                out[o] = (r << 16) | (g << 8) | b;
            }
        }
        if (banner != null) {
            drawBanner(img, banner, recipe.locale(), bannerH, margin, palette, recipe.backgroundColour());
            steps.add("banner:" + recipe.locale().toLanguageTag() + ":" + banner);
        }
        return new StyledAsset(img, steps, banner, blocked, findings);
    }

    private int background(int base, int y, int h, int light) {
        if (guide.background() != StyleGuide.Background.GRADIENT) {
            return base;
        }
        double t = (double) y / Math.max(1, h - 1);
        int r = (base >> 16) & 0xff;
        int g = (base >> 8) & 0xff;
        int b = base & 0xff;
        r = (int) Math.round(r + (255 - r) * 0.12 * t);
        g = (int) Math.round(g + (255 - g) * 0.12 * t);
        b = (int) Math.round(b + (255 - b) * 0.12 * t);
        return (r << 16) | (g << 8) | b;
    }

    private static int texture(int base, int x, int y) {
        int h = x * 374761393 + y * 668265263;
        h = (h ^ (h >>> 13)) * 1274126177;
        int d = ((h >>> 24) & 7) - 3;
        int r = clamp(((base >> 16) & 0xff) + d);
        int g = clamp(((base >> 8) & 0xff) + d);
        int b = clamp((base & 0xff) + d);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    private static int mix(int bg, double fg, double alpha) {
        return clamp((int) (bg * (1 - alpha) + fg * alpha + 0.5));
    }

    static int[] boundingBox(byte[] g, int w, int h) {
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((g[y * w + x] & 0xff) > 24) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return new int[] {0, 0, w, h};
        }
        return new int[] {minX, minY, maxX + 1, maxY + 1};
    }

    private static void drawBanner(BufferedImage img, String text, Locale locale, int bannerH, int margin,
            List<Integer> palette, int bgIndex) {
        int w = img.getWidth();
        int h = img.getHeight();
        int fill = palette.get((bgIndex + 1) % palette.size());
        int ink = contrast(fill, palette);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(new Color(fill));
            g.fillRect(0, h - bannerH - margin / 2, w, bannerH);
            g.setColor(new Color(ink));
            int size = Math.max(8, (int) (bannerH * 0.55));
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, size);
            FontMetrics fm = g.getFontMetrics(font);
            String t = text.toUpperCase(locale);
            while (fm.stringWidth(t) > w - 2 * margin && size > 8) {
                size--;
                font = font.deriveFont((float) size);
                fm = g.getFontMetrics(font);
            }
            g.setFont(font);
            int tx = (w - fm.stringWidth(t)) / 2;
            int ty = h - bannerH - margin / 2 + (bannerH + fm.getAscent() - fm.getDescent()) / 2;
            g.drawString(t, tx, ty);
        } finally {
            g.dispose();
        }
    }

    private static int contrast(int fill, List<Integer> palette) {
        int best = palette.get(0);
        double bestD = -1;
        for (int p : palette) {
            double d = Ciede2000.distance(fill, p);
            if (d > bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    /** Builds an {@link AssetPipeline}. */
    public static final class Builder {
        private StyleGuide guide;
        private InterceptorChain interceptors = InterceptorChain.empty();

        private Builder() {
        }

        /** @param value the style guide */
        public Builder guide(StyleGuide value) {
            this.guide = Objects.requireNonNull(value, "guide == null");
            return this;
        }

        /** @param value interceptors that every banner text passes (content policy, audit) */
        public Builder interceptors(InterceptorChain value) {
            this.interceptors = Objects.requireNonNull(value, "interceptors == null");
            return this;
        }

        /**
         * @return the pipeline
         * @throws IllegalStateException when no guide was set
         */
        public AssetPipeline build() {
            if (guide == null) {
                throw new IllegalStateException("guide was not set");
            }
            return new AssetPipeline(guide, interceptors);
        }
    }
}
