package io.retailgen.imagegen;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Crops a photo to an aspect ratio around the foreground's bounding box plus a margin, so the whole product and person
 * stay inside. The window is centred on the box and moved back inside the photo where it fits; where it cannot fit
 * (a 16:9 banner of a standing model) the photo is extended with its own studio colour. The window is then scaled to
 * the requested size (halving steps, then bilinear), or kept at the photo's resolution.
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
        double pad = margin * Math.min(bw, bh);
        double need = (double) aspectW / aspectH;
        double cw = bw + 2 * pad;
        double ch = bh + 2 * pad;
        if (cw / ch > need) {
            ch = cw / need;
        } else {
            cw = ch * need;
        }
        int w = (int) Math.ceil(cw);
        int h = (int) Math.round(w / need);
        if (h < ch) {
            h = (int) Math.ceil(ch);
            w = (int) Math.round(h * need);
        }
        int x = place((box[0] + box[2]) / 2.0 - w / 2.0, w, photoW);
        int y = place((box[1] + box[3]) / 2.0 - h / 2.0, h, photoH);
        return new int[] {x, y, w, h};
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
        BufferedImage canvas = new BufferedImage(window[2], window[3], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(new java.awt.Color(studio));
            g.fillRect(0, 0, window[2], window[3]);
            g.drawImage(photo, -window[0], -window[1], null);
        } finally {
            g.dispose();
        }
        if (outW <= 0 || outW == window[2] && outH == window[3]) {
            return canvas;
        }
        BufferedImage current = canvas;
        while (current.getWidth() / 2 >= outW && current.getHeight() / 2 >= outH) {
            current = scale(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return scale(current, outW, outH);
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
