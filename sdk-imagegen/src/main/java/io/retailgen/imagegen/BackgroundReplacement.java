package io.retailgen.imagegen;

/**
 * Puts a product photo on a brand background: every pixel keeps its foreground and swaps the studio white it holds
 * for the new background, {@code out = p + (1 - coverage) * (background - studio)}. Interior background pixels become
 * the background (keeping the sweep's soft shadows as small offsets), interior foreground pixels stay as they are, and
 * anti-aliased edge pixels lose their white fringe.
 */
final class BackgroundReplacement {
    private BackgroundReplacement() {
    }

    /**
     * @param rgb the photo's pixels, replaced in place
     * @param mask the photo's studio mask
     * @param style solid, gradient (top {@code first} to bottom {@code second}) or texture (on {@code first})
     * @param first the background colour {@code 0xRRGGBB}
     * @param second the gradient's bottom colour
     */
    static void paint(int[] rgb, StudioMask mask, StyleGuide.Background style, int first, int second) {
        int w = mask.width;
        int h = mask.height;
        int[] row = new int[w];
        int[] colHash = style == StyleGuide.Background.TEXTURE ? AssetPipeline.columnHashes(w) : null;
        int[] texColours = style == StyleGuide.Background.TEXTURE ? AssetPipeline.textureColours(first) : null;
        boolean texLinear = texColours != null && texColours[7] - texColours[0] == 7 * 0x010101;
        int[] texRow = texColours == null ? null : new int[w];
        int sr = (mask.studio >> 16) & 0xff;
        int sg = (mask.studio >> 8) & 0xff;
        int sb = mask.studio & 0xff;
        for (int y = 0; y < h; y++) {
            if (style == StyleGuide.Background.TEXTURE) {
                AssetPipeline.textureRow(row, 0, y, colHash, texColours, texLinear, texRow);
            } else {
                java.util.Arrays.fill(row, style == StyleGuide.Background.GRADIENT ? mix(first, second,
                        h == 1 ? 0 : (double) y / (h - 1)) : first);
            }
            int base = y * w;
            for (int x = 0; x < w; x++) {
                int i = base + x;
                int c = mask.coverage(i);
                if (c == 255) {
                    continue;
                }
                int p = rgb[i];
                int b = row[x];
                int keep = 255 - c;
                int r = channel((p >> 16) & 0xff, (b >> 16) & 0xff, sr, keep);
                int g = channel((p >> 8) & 0xff, (b >> 8) & 0xff, sg, keep);
                int bl = channel(p & 0xff, b & 0xff, sb, keep);
                rgb[i] = r << 16 | g << 8 | bl;
            }
        }
    }

    private static int channel(int p, int background, int studio, int keep) {
        int v = p + ((background - studio) * keep + (background >= studio ? 127 : -127)) / 255;
        return v < 0 ? 0 : Math.min(255, v);
    }

    static int mix(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return r << 16 | g << 8 | bl;
    }
}
