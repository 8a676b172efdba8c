package io.retailgen.imagegen;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * Reads and writes whole photos as {@code 0xRRGGBB} ints without going through the colour model per pixel for the
 * layouts decoders produce ({@code TYPE_3BYTE_BGR} from JPEG, {@code TYPE_INT_RGB}/{@code TYPE_INT_ARGB}); other
 * layouts take {@link BufferedImage#getRGB}. Both give the same values for the sRGB layouts read directly.
 */
final class PhotoPixels {
    private PhotoPixels() {
    }

    /** @return the pixels, row-major, {@code 0xRRGGBB} (alpha and higher bits cleared) */
    static int[] read(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        Raster raster = image.getRaster();
        boolean whole = raster.getParent() == null && raster.getMinX() == 0 && raster.getMinY() == 0
                && image.getColorModel().getColorSpace().isCS_sRGB();
        int type = image.getType();
        if (whole && type == BufferedImage.TYPE_3BYTE_BGR && raster.getDataBuffer() instanceof DataBufferByte db
                && db.getNumBanks() == 1 && db.getOffset() == 0 && db.getSize() == 3 * n) {
            byte[] d = db.getData();
            int[] out = new int[n];
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                out[i] = (d[j + 2] & 0xff) << 16 | (d[j + 1] & 0xff) << 8 | (d[j] & 0xff);
            }
            return out;
        }
        if (whole && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1 && db.getOffset() == 0
                && db.getSize() == n) {
            int[] d = db.getData();
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = d[i] & 0xffffff;
            }
            return out;
        }
        int[] out = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < n; i++) {
            out[i] &= 0xffffff;
        }
        return out;
    }

    /** @return a new {@code TYPE_INT_RGB} image with a copy of {@code rgb} */
    static BufferedImage toImage(int[] rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        System.arraycopy(rgb, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0, rgb.length);
        return image;
    }
}
