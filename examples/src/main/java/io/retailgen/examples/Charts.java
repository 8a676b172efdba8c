package io.retailgen.examples;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Plots drawn with Java2D for the demo report and the storefront: an exposure bar chart and a contact sheet of
 * styled assets (the forecast fan chart is sdk-forecast's {@link io.retailgen.forecast.FanChart}). Everything runs
 * headless.
 *
 * <pre>{@code
 * BufferedImage sheet = Charts.contactSheet(tiles, 4);
 * byte[] png = Charts.png(sheet);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Charts {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color INK = new Color(0x1d, 0x23, 0x30);
    private static final Color GRID = new Color(0xe2, 0xe5, 0xea);
    private static final Color BAND = new Color(0x1d, 0x35, 0x57);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private Charts() {
    }

    /**
     * Grouped horizontal bars: for each group, its share of recommendation exposure next to a reference share
     * (such as its share of clicks).
     *
     * @param title the title
     * @param exposureShare each group's share of exposure, {@code 0..1}
     * @param reference each group's reference share, {@code 0..1}
     * @param referenceLabel the legend text of the reference bars
     * @return the chart, 900 wide
     */
    public static BufferedImage exposureChart(String title, Map<String, Double> exposureShare,
            Map<String, Double> reference, String referenceLabel) {
        List<String> groups = new ArrayList<>(exposureShare.keySet());
        int w = 900;
        int rowH = 44;
        int top = 50;
        int h = top + groups.size() * rowH + 50;
        int left = 230;
        int right = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        double max = 0;
        for (String grp : groups) {
            max = Math.max(max, exposureShare.getOrDefault(grp, 0d));
            max = Math.max(max, reference.getOrDefault(grp, 0d));
        }
        max = max <= 0 ? 1 : Math.min(1, max * 1.1);
        Color expo = new Color(0x1D, 0x35, 0x57);
        Color ref = new Color(0xA8, 0xDA, 0xDC);
        g.setFont(SMALL);
        for (int i = 0; i < groups.size(); i++) {
            String grp = groups.get(i);
            int y = top + i * rowH;
            g.setColor(INK);
            String name = grp.length() > 30 ? grp.substring(0, 29) + "…" : grp;
            g.drawString(name, 10, y + 22);
            double e = exposureShare.getOrDefault(grp, 0d);
            double r = reference.getOrDefault(grp, 0d);
            int we = (int) Math.round((w - left - right) * e / max);
            int wr = (int) Math.round((w - left - right) * r / max);
            g.setColor(expo);
            g.fillRect(left, y + 6, Math.max(1, we), 14);
            g.setColor(ref);
            g.fillRect(left, y + 22, Math.max(1, wr), 14);
            g.setColor(INK);
            g.drawString(pct(e), left + we + 6, y + 18);
            g.drawString(pct(r), left + wr + 6, y + 34);
        }
        int ly = h - 20;
        int lx = legend(g, left, ly, expo, false, "share of recommendation exposure");
        legend(g, lx, ly, ref, false, referenceLabel);
        g.setFont(TITLE);
        g.setColor(INK);
        g.drawString(title, 10, 26);
        g.dispose();
        return img;
    }

    /**
     * One tile of a contact sheet.
     *
     * @param image the image
     * @param caption the caption (one line)
     * @param frame the frame colour (RGB), such as green for approved
     */
    public record Tile(BufferedImage image, String caption, int frame) {

        /** Validates. */
        public Tile {
            Objects.requireNonNull(image, "image == null");
            Objects.requireNonNull(caption, "caption == null");
        }
    }

    /**
     * Lays tiles out in a grid, each scaled to fit 200x200, framed and captioned.
     *
     * @param tiles the tiles, at least one
     * @param columns tiles per row, {@code >= 1}
     * @return the sheet
     */
    public static BufferedImage contactSheet(List<Tile> tiles, int columns) {
        if (tiles.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("need at least one tile and one column, got " + tiles.size()
                    + " tiles and " + columns + " columns");
        }
        int cell = 200;
        int gap = 16;
        int caption = 22;
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        BufferedImage img = new BufferedImage(gap + cols * (cell + gap), gap + rows * (cell + caption + gap),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        g.setFont(SMALL);
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int x = gap + (i % cols) * (cell + gap);
            int y = gap + (i / cols) * (cell + caption + gap);
            double scale = Math.min((double) (cell - 8) / t.image().getWidth(),
                    (double) (cell - 8) / t.image().getHeight());
            int iw = (int) Math.round(t.image().getWidth() * scale);
            int ih = (int) Math.round(t.image().getHeight() * scale);
            g.setColor(new Color(t.frame()));
            g.fillRect(x, y, cell, cell);
            g.drawImage(t.image(), x + (cell - iw) / 2, y + (cell - ih) / 2, iw, ih, null);
            g.setColor(INK);
            String c = t.caption();
            while (g.getFontMetrics().stringWidth(c) > cell && c.length() > 4) {
                c = c.substring(0, c.length() - 2);
            }
            g.drawString(c, x, y + cell + 16);
        }
        g.dispose();
        return img;
    }

    /**
     * @param image an image
     * @return its PNG encoding
     */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new RetailGenException(ErrorCode.IO, "no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static int legend(Graphics2D g, int x, int y, Color c, boolean dashed, String text) {
        g.setColor(c);
        g.setStroke(dashed ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f) : new BasicStroke(3f));
        g.drawLine(x, y - 4, x + 18, y - 4);
        g.setStroke(new BasicStroke(1f));
        g.setColor(INK);
        g.setFont(SMALL);
        g.drawString(text, x + 24, y);
        return x + 24 + g.getFontMetrics().stringWidth(text) + 16;
    }
}
