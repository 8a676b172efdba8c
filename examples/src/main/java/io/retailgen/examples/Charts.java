package io.retailgen.examples;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.forecast.ScenarioSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
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
 * Plots drawn with Java2D for the demo report and the storefront: a forecast fan chart, an exposure bar chart and
 * a contact sheet of styled assets. Everything runs headless.
 *
 * <pre>{@code
 * BufferedImage fan = Charts.fanChart("Victoria/Clothing", history, labels, forecast.scenarios(), List.of());
 * byte[] png = Charts.png(fan);
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
     * A line drawn over a fan chart, such as the mean of a what-if scenario set.
     *
     * @param label the legend text
     * @param values one value per forecast step
     * @param colour the line colour (RGB)
     * @param dashed whether the line is dashed
     */
    public record Overlay(String label, double[] values, int colour, boolean dashed) {

        /** Validates and copies. */
        public Overlay {
            Objects.requireNonNull(label, "label == null");
            values = Objects.requireNonNull(values, "values == null").clone();
        }
    }

    /**
     * A fan chart: the history, then the scenario median, 50/80/95% bands and the mean, plus optional overlays.
     *
     * @param title the title
     * @param history the observed values (the last 48 are drawn)
     * @param labels period labels of the history, or empty
     * @param scenarios the forecast scenarios
     * @param overlays extra lines over the forecast steps
     * @return the chart, 900x420
     */
    public static BufferedImage fanChart(String title, double[] history, List<String> labels, ScenarioSet scenarios,
            List<Overlay> overlays) {
        int w = 900;
        int h = 420;
        int left = 70;
        int right = 20;
        int top = 40;
        int bottom = 70;
        int shown = Math.min(48, history.length);
        int hz = scenarios.horizon();
        double[] hist = java.util.Arrays.copyOfRange(history, history.length - shown, history.length);
        double[] lo95 = scenarios.quantile(0.025);
        double[] hi95 = scenarios.quantile(0.975);
        double[] lo80 = scenarios.quantile(0.10);
        double[] hi80 = scenarios.quantile(0.90);
        double[] lo50 = scenarios.quantile(0.25);
        double[] hi50 = scenarios.quantile(0.75);
        double[] mean = scenarios.mean();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : List.of(hist, lo95, hi95, mean)) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        for (Overlay o : overlays) {
            for (double v : o.values()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(max > min)) {
            min = Double.isFinite(min) ? min - 1 : 0;
            max = min + 2;
        }
        double pad = (max - min) * 0.05;
        min = Math.max(min - pad, min >= 0 ? 0 : Double.NEGATIVE_INFINITY);
        max += pad;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img);
        int steps = shown + hz;
        Axis ax = new Axis(left, w - right, top, h - bottom, steps, min, max);
        drawGrid(g, ax, w, left);
        fill(g, ax, shown, lo95, hi95, new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 45));
        fill(g, ax, shown, lo80, hi80, new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 70));
        fill(g, ax, shown, lo50, hi50, new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 100));
        g.setStroke(new BasicStroke(2f));
        g.setColor(INK);
        line(g, ax, 0, hist);
        g.setColor(new Color(0xE6, 0x39, 0x46));
        double[] joined = new double[hz + 1];
        joined[0] = hist[hist.length - 1];
        System.arraycopy(mean, 0, joined, 1, hz);
        line(g, ax, shown - 1, joined);
        int legendY = h - 22;
        int legendX = left;
        legendX = legend(g, legendX, legendY, INK, false, "history");
        legendX = legend(g, legendX, legendY, new Color(0xE6, 0x39, 0x46), false, "mean forecast");
        g.setColor(new Color(BAND.getRed(), BAND.getGreen(), BAND.getBlue(), 100));
        g.fillRect(legendX, legendY - 9, 18, 10);
        g.setColor(INK);
        g.drawString("50 / 80 / 95% of " + scenarios.paths() + " scenarios", legendX + 24, legendY);
        legendX += 30 + g.getFontMetrics().stringWidth("50 / 80 / 95% of " + scenarios.paths() + " scenarios") + 14;
        for (Overlay o : overlays) {
            Color c = new Color(o.colour());
            g.setColor(c);
            g.setStroke(o.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
            double[] v = new double[hz + 1];
            v[0] = hist[hist.length - 1];
            System.arraycopy(o.values(), 0, v, 1, Math.min(hz, o.values().length));
            line(g, ax, shown - 1, v);
            legendX = legend(g, legendX, legendY, c, o.dashed(), o.label());
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(INK);
        g.setFont(SMALL);
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int hi = history.length - shown + i;
            xs.add(i < shown && labels.size() == history.length ? labels.get(hi)
                    : i < shown ? "t" + (i - shown + 1) : "+" + (i - shown + 1));
        }
        for (int i = 0; i < steps; i += 6) {
            String s = xs.get(i);
            int x = ax.x(i);
            g.drawLine(x, ax.y1, x, ax.y1 + 4);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, ax.y1 + 18);
        }
        g.setColor(GRID);
        int split = ax.x(shown - 1);
        g.drawLine(split, ax.y0, split, ax.y1);
        g.setColor(INK);
        g.setFont(TITLE);
        g.drawString(title, left, 24);
        g.dispose();
        return img;
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

    private static void drawGrid(Graphics2D g, Axis ax, int w, int left) {
        g.setFont(SMALL);
        for (int i = 0; i <= 5; i++) {
            double v = ax.min + (ax.max - ax.min) * i / 5;
            int y = ax.y(v);
            g.setColor(GRID);
            g.drawLine(ax.x0, y, ax.x1, y);
            g.setColor(INK);
            String s = format(v);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), y + 4);
        }
        g.setColor(INK);
        g.drawLine(ax.x0, ax.y1, ax.x1, ax.y1);
    }

    static String format(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void fill(Graphics2D g, Axis ax, int offset, double[] lo, double[] hi, Color c) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < lo.length; i++) {
            double x = ax.x(offset + i);
            if (i == 0) {
                p.moveTo(x, ax.y(hi[i]));
            } else {
                p.lineTo(x, ax.y(hi[i]));
            }
        }
        for (int i = lo.length - 1; i >= 0; i--) {
            p.lineTo(ax.x(offset + i), ax.y(lo[i]));
        }
        p.closePath();
        g.setColor(c);
        g.fill(p);
    }

    private static void line(Graphics2D g, Axis ax, int offset, double[] v) {
        Path2D.Double p = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                started = false;
                continue;
            }
            if (started) {
                p.lineTo(ax.x(offset + i), ax.y(v[i]));
            } else {
                p.moveTo(ax.x(offset + i), ax.y(v[i]));
                started = true;
            }
        }
        g.draw(p);
    }

    private record Axis(int x0, int x1, int y0, int y1, int steps, double min, double max) {
        int x(int i) {
            return x0 + (int) Math.round((x1 - x0) * (steps <= 1 ? 0 : (double) i / (steps - 1)));
        }

        int y(double v) {
            return y1 - (int) Math.round((y1 - y0) * (v - min) / (max - min));
        }
    }
}
