package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * The pixel code of {@link AssetPipeline#render} before the fused single pass (getRGB-free already, but with a
 * separate background pass, per-pixel double arithmetic and no span skipping), kept as the reference the fused pass
 * is tested against. Banner text is drawn as given (no interceptors).
 */
final class ReferencePipeline {
    private static final double BANNER_SHARE = 0.12;
    private static final int LEVELS = 1024;

    private ReferencePipeline() {
    }

    static BufferedImage render(StyleGuide guide, byte[] grey, int width, int height, StyleRecipe recipe) {
        List<int[]> sizes = guide.sizes();
        List<Integer> palette = guide.palette();
        int outW = sizes.get(recipe.sizeIndex())[0];
        int outH = sizes.get(recipe.sizeIndex())[1];
        String banner = recipe.bannerText() == null || recipe.bannerText().isBlank() ? null : recipe.bannerText();
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
            int[] bb = AssetPipeline.boundingBox(grey, width, height);
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
        } else {
            double scale = Math.min((double) boxW / width, (double) boxH / height);
            dw = Math.max(1, (int) Math.round(width * scale));
            dh = Math.max(1, (int) Math.round(height * scale));
        }
        int dx = (outW - dw) / 2;
        int dy = margin + (boxH - dh) / 2;
        int product = palette.get(recipe.productColour());
        int bg = palette.get(recipe.backgroundColour());

        BufferedImage img = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < outH; y++) {
            int rowBg = background(guide, bg, y, outH);
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
            AssetPipeline.drawBanner(img, banner, recipe.locale(), bannerH, margin, palette, recipe.backgroundColour());
        }
        return img;
    }

    private static int background(StyleGuide guide, int base, int y, int h) {
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
}
