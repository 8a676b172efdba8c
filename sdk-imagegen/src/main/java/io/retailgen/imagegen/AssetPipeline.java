package io.retailgen.imagegen;

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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Deterministic post-processing of a greyscale product image into a brand asset: aspect-ratio fit (pad or
 * content-aware crop) with margins, upscaling (bilinear), lighting (exposure, gamma, directional shading), recolouring
 * to a palette colour, background (solid, gradient, texture) and a banner. Every finished asset passes the sdk-core
 * interceptors once, image and banner text together. The same input and recipe always give the same pixels.
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
    /** Grey levels (of LEVELS) from which the product covers the background fully (alpha = min(1, 2 v) = 1). */
    private static final int OPAQUE_LEVEL = LEVELS / 2;
    /** Steps of the shade table for fully covered pixels. */
    private static final int SHADES = 4096;
    private final StyleGuide guide;
    private final InterceptorChain interceptors;
    /** The tables of the last recipe, reused while exposure, gamma and product colour repeat. */
    private volatile Tables lastTables;

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
     * Styles one generated image; the interceptors' request names the model and seed that made it.
     *
     * @param images a batch from an {@link ImageGenerator}
     * @param index the image in the batch
     * @param recipe the styling
     * @return the finished asset
     * @throws BlockedOutputException when an interceptor blocks the asset (for example its banner text)
     */
    public StyledAsset render(GeneratedImages images, int index, StyleRecipe recipe) {
        Objects.requireNonNull(images, "images == null");
        String version = images.modelVersion();
        int at = version.lastIndexOf('@');
        String modelName = at > 0 ? version.substring(0, at) : version;
        String modelVersion = at > 0 && at < version.length() - 1 ? version.substring(at + 1) : null;
        return render(images.image(index), images.width(), images.height(), recipe, modelName, modelVersion,
                Long.toString(images.seed()));
    }

    /**
     * Styles a greyscale image. The finished asset (PNG bytes, with its banner text as text) passes the interceptors
     * once: module {@code imagegen}, operation {@code render}, the recipe's locale. A BLOCK verdict throws; a rewritten
     * text (REDACT) is the banner that is drawn; a blank rewrite drops the banner.
     *
     * @param grey {@code width * height} greyscale bytes, bright product on dark ground (as Fashion-MNIST)
     * @param width source width
     * @param height source height
     * @param recipe the styling
     * @return the finished asset
     * @throws IllegalArgumentException when the recipe names a size or colour the guide does not have
     * @throws BlockedOutputException when an interceptor blocks the asset (for example its banner text)
     */
    public StyledAsset render(byte[] grey, int width, int height, StyleRecipe recipe) {
        return render(grey, width, height, recipe, null, null, null);
    }

    private StyledAsset render(byte[] grey, int width, int height, StyleRecipe recipe, String modelName,
            String modelVersion, String seed) {
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

        String requested = recipe.bannerText() == null || recipe.bannerText().isBlank() ? null : recipe.bannerText();
        int bannerH = requested == null ? 0 : (int) Math.round(outH * BANNER_SHARE);
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
        paint(out, outW, outH, guide.background(), bg, product, grey, width, height,
                new Placement(sx0, sy0, sw, sh, dx, dy, dw, dh), recipe);
        if (interceptors.size() == 0) {
            if (requested != null) {
                drawBanner(img, requested, recipe.locale(), bannerH, margin, palette, recipe.backgroundColour());
                steps.add("banner:" + recipe.locale().toLanguageTag() + ":" + requested);
            }
            return new StyledAsset(img, steps, requested, List.of());
        }
        BufferedImage asset = img;
        if (requested != null) {
            asset = copy(img);
            drawBanner(asset, requested, recipe.locale(), bannerH, margin, palette, recipe.backgroundColour());
        }
        GenerationRequest.Builder request = GenerationRequest.builder().module("imagegen").operation("render")
                .text(requested).image(GreyPng.uncompressedPng(asset)).locale(recipe.locale())
                .model(modelName, modelVersion)
                .attribute("image_format", "png").attribute("image_width", Integer.toString(outW))
                .attribute("image_height", Integer.toString(outH)).attribute("style_guide", guide.name());
        if (seed != null) {
            request.attribute("seed", seed);
        }
        GenerationResponse resp = interceptors.execute(request.build(), r -> GenerationResponse.allow(r.text()));
        if (resp.blocked()) {
            throw new BlockedOutputException("render", resp.findings());
        }
        String shown = requested == null || resp.text() == null || resp.text().isBlank() ? null : resp.text();
        if (shown == null || !shown.equals(requested)) {
            asset = img; // no banner, or the interceptors rewrote it: draw their text instead
            if (shown != null) {
                drawBanner(asset, shown, recipe.locale(), bannerH, margin, palette, recipe.backgroundColour());
            }
        }
        if (shown != null) {
            steps.add("banner:" + recipe.locale().toLanguageTag() + ":" + shown);
        }
        return new StyledAsset(asset, steps, shown, resp.findings());
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage c = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] src = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        int[] dst = ((DataBufferInt) c.getRaster().getDataBuffer()).getData();
        System.arraycopy(src, 0, dst, 0, src.length);
        return c;
    }

    /** Where the source window lands in the output: source window {@code (sx0, sy0, sw, sh)}, target rectangle. */
    private record Placement(double sx0, double sy0, double sw, double sh, int dx, int dy, int dw, int dh) {
    }

    /**
     * The fused pixel pass: every output row gets its background (solid, gradient or texture) and, inside the target
     * rectangle, the bilinearly upscaled, lit and recoloured product composited over it, while the row is in cache.
     */
    private void paint(int[] out, int outW, int outH, StyleGuide.Background style, int bg, int product,
            byte[] grey, int width, int height, Placement p, StyleRecipe recipe) {
        boolean texture = style == StyleGuide.Background.TEXTURE;
        boolean gradient = style == StyleGuide.Background.GRADIENT;
        int[] texColours = texture ? textureColours(bg) : null;
        int[] colHash = texture ? columnHashes(outW) : null;
        boolean texLinear = texture && texColours[7] - texColours[0] == 7 * 0x010101;
        int[] texRow = texture ? new int[outW] : null;

        Tables t = lastTables;
        if (t == null || !t.fits(recipe.exposure(), recipe.gamma(), product)) {
            t = new Tables(recipe.exposure(), recipe.gamma(), product);
            lastTables = t; // a race only builds the tables twice
        }
        float[] litBase = t.litBase;
        float[] litShades = t.litShades;
        float[] alphaOf = t.alpha;
        int[] opaque = t.opaque;
        double ca = Math.cos(Math.toRadians(recipe.lightAngle()));
        double sa = Math.sin(Math.toRadians(recipe.lightAngle()));
        double strength = recipe.lightStrength();
        float pr = (product >> 16) & 0xff;
        float pg = (product >> 8) & 0xff;
        float pb = product & 0xff;

        // source with a one-pixel zero border, so that the bilinear taps never leave the array
        int pw = width + 2;
        float[] padded = new float[pw * (height + 2)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                padded[(y + 1) * pw + x + 1] = grey[y * width + x] & 0xff;
            }
        }
        int dw = p.dw();
        int dh = p.dh();
        int[] x0s = new int[dw];
        int[] x1s = new int[dw];
        float[] fxs = new float[dw];
        for (int x = 0; x < dw; x++) {
            double sxf = p.sx0() + (x + 0.5) * p.sw() / dw - 0.5 + 1;
            sxf = Math.max(0, Math.min(width + 0.999, sxf));
            x0s[x] = (int) sxf;
            x1s[x] = Math.min(x0s[x] + 1, width + 1);
            fxs[x] = (float) (sxf - x0s[x]);
        }
        // spans of output columns that interpolate between the same two source columns
        int[] spanStart = new int[dw + 1];
        int spans = 0;
        for (int x = 0; x < dw; x++) {
            if (x == 0 || x0s[x] != x0s[x - 1]) {
                spanStart[spans++] = x;
            }
        }
        spanStart[spans] = dw;
        // directional shading: 1 + strength * (light direction . (centre - position)), split into row and column
        double dirX = strength * ca / Math.max(1, dw - 1);
        float[] dirCol = new float[dw];
        for (int x = 0; x < dw; x++) {
            dirCol[x] = (float) (dirX * x);
        }
        for (int y = 0; y < outH; y++) {
            int row = y * outW;
            if (texture) {
                textureRow(out, row, y, colHash, texColours, texLinear, texRow);
            } else {
                Arrays.fill(out, row, row + outW, gradient ? gradient(bg, y, outH) : bg);
            }
            int py = y - p.dy();
            if (py < 0 || py >= dh) {
                continue;
            }
            double syf = p.sy0() + (py + 0.5) * p.sh() / dh - 0.5 + 1;
            syf = Math.max(0, Math.min(height + 0.999, syf));
            int y0 = (int) syf;
            float fy = (float) (syf - y0);
            int r0 = y0 * pw;
            int r1 = Math.min(y0 + 1, height + 1) * pw;
            double ny = (double) py / Math.max(1, dh - 1);
            float dirRowF = (float) (1 + strength * (0.5 * ca + (0.5 - ny) * sa));
            int rowOut = row + p.dx();
            for (int k = 0; k < spans; k++) {
                int xs = spanStart[k];
                int xe = spanStart[k + 1];
                int xa = x0s[xs];
                int xb = x1s[xs];
                float ta = padded[r0 + xa];
                float tb = padded[r0 + xb];
                float ba = padded[r1 + xa];
                float bb = padded[r1 + xb];
                float lo = Math.min(Math.min(ta, tb), Math.min(ba, bb));
                float hi = Math.max(Math.max(ta, tb), Math.max(ba, bb));
                if (hi <= 2) {
                    continue; // corners of at most 2 interpolate to at most 2 < 2.55: background only
                }
                // the same float operations, in the same order, as the reference: v and q are exact
                float dt = tb - ta;
                float db = bb - ba;
                if (lo >= 128) {
                    // corners of at least 128 interpolate to v >= 127.99, q >= 514: the product covers fully
                    for (int x = xs; x < xe; x++) {
                        float fx = fxs[x];
                        float top = ta + dt * fx;
                        float bottom = ba + db * fx;
                        float v = top + (bottom - top) * fy;
                        int q = (int) (v * (LEVELS / 255f) + 0.5f);
                        int shade = (int) (litShades[q] * (dirRowF - dirCol[x]) + 0.5f);
                        out[rowOut + x] = opaque[Math.min(shade, SHADES)];
                    }
                    continue;
                }
                for (int x = xs; x < xe; x++) {
                    float fx = fxs[x];
                    float top = ta + dt * fx;
                    float bottom = ba + db * fx;
                    float v = top + (bottom - top) * fy;
                    if (v <= 2.55f) {
                        continue;
                    }
                    int q = (int) (v * (LEVELS / 255f) + 0.5f);
                    float dir = dirRowF - dirCol[x];
                    int o = rowOut + x;
                    if (q >= OPAQUE_LEVEL) {
                        out[o] = opaque[Math.min((int) (litShades[q] * dir + 0.5f), SHADES)];
                    } else {
                        float alpha = alphaOf[q];
                        float keep = 1 - alpha;
                        float fa = Math.min(1, litBase[q] * dir) * alpha;
                        int b0 = out[o];
                        int r = (int) (((b0 >> 16) & 0xff) * keep + pr * fa + 0.5f);
                        int g = (int) (((b0 >> 8) & 0xff) * keep + pg * fa + 0.5f);
                        int b = (int) ((b0 & 0xff) * keep + pb * fa + 0.5f);
                        out[o] = (r << 16) | (g << 8) | b;
                    }
                }
            }
        }
    }

    /**
     * Lighting, coverage and the fully covered product colour as functions of the interpolated grey level (at
     * 1/LEVELS steps) and of the shade (at 1/SHADES steps). Immutable once built, so one instance may serve
     * concurrent renders.
     */
    private static final class Tables {
        final double exposure;
        final double gamma;
        final int product;
        final float[] litBase = new float[LEVELS + 1];
        final float[] alpha = new float[LEVELS + 1];
        /** {@code litBase * SHADES}: the shade-table index before the directional factor. */
        final float[] litShades = new float[LEVELS + 1];
        /**
         * The fully covered product colour at shade {@code i / SHADES}, {@code i} in {@code 0..SHADES} (the shade is
         * rounded to the nearest step: at most 0.5 / SHADES * 255 = 0.03 levels off).
         */
        final int[] opaque = new int[SHADES + 1];

        Tables(double exposure, double gamma, int product) {
            this.exposure = exposure;
            this.gamma = gamma;
            this.product = product;
            double scale = Math.pow(2, exposure);
            double invGamma = 1 / gamma;
            for (int q = 0; q <= LEVELS; q++) {
                double v = (double) q / LEVELS;
                litBase[q] = (float) (0.55 + 0.45 * Math.pow(Math.min(1, v * scale), invGamma));
                alpha[q] = (float) Math.min(1, v * 2);
                litShades[q] = litBase[q] * SHADES;
            }
            int pr = (product >> 16) & 0xff;
            int pg = (product >> 8) & 0xff;
            int pb = product & 0xff;
            for (int i = 0; i <= SHADES; i++) {
                double s = (double) i / SHADES;
                opaque[i] = (int) (pr * s + 0.5) << 16 | (int) (pg * s + 0.5) << 8 | (int) (pb * s + 0.5);
            }
        }

        boolean fits(double otherExposure, double otherGamma, int otherProduct) {
            return Double.compare(exposure, otherExposure) == 0 && Double.compare(gamma, otherGamma) == 0
                    && product == otherProduct;
        }
    }

    private static int gradient(int base, int y, int h) {
        double t = (double) y / Math.max(1, h - 1);
        int r = (base >> 16) & 0xff;
        int g = (base >> 8) & 0xff;
        int b = base & 0xff;
        r = (int) Math.round(r + (255 - r) * 0.12 * t);
        g = (int) Math.round(g + (255 - g) * 0.12 * t);
        b = (int) Math.round(b + (255 - b) * 0.12 * t);
        return (r << 16) | (g << 8) | b;
    }

    // Texture: a hash of (x, y) picks an offset d in -3..4 added to every channel of the base colour (clamped).
    private static final int HASH_X = 374761393;
    private static final int HASH_Y = 668265263;
    private static final int HASH_MIX = 1274126177;

    /** @return the 8 texture colours of a base colour, index {@code d + 3} */
    static int[] textureColours(int base) {
        int[] c = new int[8];
        for (int k = 0; k < 8; k++) {
            int d = k - 3;
            c[k] = clamp(((base >> 16) & 0xff) + d) << 16 | clamp(((base >> 8) & 0xff) + d) << 8
                    | clamp((base & 0xff) + d);
        }
        return c;
    }

    static int[] columnHashes(int w) {
        int[] h = new int[w];
        for (int x = 0; x < w; x++) {
            h[x] = x * HASH_X;
        }
        return h;
    }

    /**
     * One texture row, computed in {@code tmp} (one array written, one read at the same index: C2 vectorises that
     * loop, which it does not for a store at an offset into {@code out}) and copied. Without clamping (every channel
     * of the base in 3..251) the colour is pure arithmetic; otherwise the 8 colours are looked up.
     */
    static void textureRow(int[] out, int row, int y, int[] colHash, int[] colours, boolean linear,
            int[] tmp) {
        int w = tmp.length;
        int hy = y * HASH_Y;
        if (linear) {
            int base = colours[0];
            for (int x = 0; x < w; x++) {
                int h = colHash[x] + hy;
                h = (h ^ (h >>> 13)) * HASH_MIX;
                tmp[x] = base + ((h >>> 24) & 7) * 0x010101;
            }
        } else {
            for (int x = 0; x < w; x++) {
                int h = colHash[x] + hy;
                h = (h ^ (h >>> 13)) * HASH_MIX;
                tmp[x] = (h >>> 24) & 7;
            }
            for (int x = 0; x < w; x++) {
                tmp[x] = colours[tmp[x]];
            }
        }
        System.arraycopy(tmp, 0, out, row, w);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
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

    static void drawBanner(BufferedImage img, String text, Locale locale, int bannerH, int margin,
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

        /** @param value interceptors that every finished asset and its banner text pass once (content policy, audit) */
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
