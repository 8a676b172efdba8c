package io.retailgen.imagegen;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Crops a photo to an aspect ratio around the foreground's bounding box plus a margin (the guide's, as a fraction of
 * the window's shorter side on each edge), so the whole product and person stay inside. The window is centred on the box and moved back inside the photo where it fits; where it cannot fit
 * (a 16:9 banner of a standing model) the photo is extended with its own studio colour. The window is then scaled to
 * the requested size (the photo halved while the output is at most half the window, then bilinear), or kept at the
 * photo's resolution.
 */
final class AspectCrop {
    private AspectCrop() {
    }

    /**
     * @return {@code {x, y, width, height}} of the window in photo coordinates (may reach outside the photo)
     */
    static int[] window(int[] box, int photoW, int photoH, int aspectW, int aspectH, double margin) {
        double bw = box[2] - box[0];
        double bh = box[3] - box[1];
        double r = (double) aspectW / aspectH;
        // the box must fit inside the window less the margin (a fraction of the window's shorter side) on each side
        double w;
        double h;
        if (r >= 1) { // the height is the shorter side
            h = Math.max(bh / (1 - 2 * margin), bw / (r - 2 * margin));
            w = h * r;
        } else {
            w = Math.max(bw / (1 - 2 * margin), bh / (1 / r - 2 * margin));
            h = w / r;
        }
        int width = (int) Math.ceil(w);
        int height = (int) Math.ceil(h);
        int x = place((box[0] + box[2]) / 2.0 - width / 2.0, width, photoW);
        int y = place((box[1] + box[3]) / 2.0 - height / 2.0, height, photoH);
        return new int[] {x, y, width, height};
    }

    /** The window's start: centred, then moved inside the photo when it is no longer than the photo. */
    private static int place(double centred, int length, int photoLength) {
        int start = (int) Math.round(centred);
        if (length <= photoLength) {
            start = Math.max(0, Math.min(photoLength - length, start));
        }
        return start;
    }

    /**
     * @param photo the photo ({@code TYPE_INT_RGB})
     * @param window from {@link #window}
     * @param studio the colour for the parts of the window outside the photo
     * @param outW output width, or 0 for the window's own size
     * @param outH output height
     * @return the cropped (and scaled) image
     */
    static BufferedImage crop(BufferedImage photo, int[] window, int studio, int outW, int outH) {
        int w = outW <= 0 ? window[2] : outW;
        int h = outW <= 0 ? window[3] : outH;
        // halve the photo while the output stays at most half the window: the window itself is never painted at full
        // size, so a banner of a tall photo costs the output's memory, not the window's
        BufferedImage src = photo;
        double x = window[0];
        double y = window[1];
        double ww = window[2];
        double wh = window[3];
        while (ww / 2 >= w && wh / 2 >= h && src.getWidth() >= 2 && src.getHeight() >= 2) {
            src = scale(src, src.getWidth() / 2, src.getHeight() / 2);
            x /= 2;
            y /= 2;
            ww /= 2;
            wh /= 2;
        }
        double fx = w / ww;
        double fy = h / wh;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new java.awt.Color(studio));
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.translate(-x * fx, -y * fy);
            g.scale(fx, fy);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage scale(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
