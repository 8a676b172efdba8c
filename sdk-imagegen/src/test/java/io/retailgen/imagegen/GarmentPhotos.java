package io.retailgen.imagegen;

import java.awt.image.BufferedImage;

/** Tiny synthetic studio photos built at run time: a shaded garment with vertical folds, a skin patch, white sweep. */
final class GarmentPhotos {
    static final int WIDTH = 120;
    static final int HEIGHT = 100;
    static final int GARMENT_X0 = 30;
    static final int GARMENT_X1 = 90;
    static final int GARMENT_Y0 = 25;
    static final int GARMENT_Y1 = 92;
    static final int SKIN = 0xd9a383;

    private GarmentPhotos() {
    }

    /** A garment of lightness {@code baseL} whose folds darken it by up to {@code foldDepth} in L*. */
    static BufferedImage photo(double baseL, double a, double b, double foldDepth) {
        BufferedImage photo = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int p = 0xfdfdfd;
                if (inGarment(x, y)) {
                    p = SrgbLab.toRgb(baseL - foldDepth * fold(x), a, b);
                } else if (x >= 48 && x < 72 && y >= 3 && y < 24) {
                    p = SKIN;
                }
                photo.setRGB(x, y, p);
            }
        }
        return photo;
    }

    /** 0 on the flat cloth, 1 in the deepest part of a fold; folds every 12 pixels. */
    static double fold(int x) {
        double s = Math.sin(2 * Math.PI * x / 12.0);
        return s > 0 ? s : 0;
    }

    static boolean inGarment(int x, int y) {
        return x >= GARMENT_X0 && x < GARMENT_X1 && y >= GARMENT_Y0 && y < GARMENT_Y1;
    }

    static GarmentMask trueMask() {
        boolean[] g = new boolean[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                g[y * WIDTH + x] = inGarment(x, y);
            }
        }
        return GarmentMask.of(WIDTH, HEIGHT, g);
    }

    static double lightness(BufferedImage image, int x, int y) {
        return Ciede2000.toLab(image.getRGB(x, y) & 0xffffff)[0];
    }
}
