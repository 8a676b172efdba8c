package io.retailgen.forecast;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * A fan chart of a forecast, drawn with Java2D: the last {@value #SHOWN_HISTORY} values of the history, then the
 * 50/80/95% bands of the scenario paths, the mean, and optional overlay lines (such as the mean of a what-if). Used by
 * the CLI's {@code forecast run}, the demo report and the storefront's planner page. Stateless and thread-safe; it
 * needs no display (AWT picks its headless mode when there is none, or set {@code -Djava.awt.headless=true}).
 *
 * <pre>{@code
 * BufferedImage chart = FanChart.render("Victoria/Clothing", series.values(), periodLabels, fc.scenarios(),
 *         List.of(new FanChart.Overlay("20% discount", promo.mean(), 0x2A9D8F, true)));
 * Files.write(Path.of("fan.png"), FanChart.png(chart));
 * }</pre>
 */
public final class FanChart {

    /** The chart's width in pixels. */
    public static final int WIDTH = 900;
    /** The chart's height in pixels. */
    public static final int HEIGHT = 420;
    /** The most history values drawn before the forecast. */
    public static final int SHOWN_HISTORY = 48;

    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;
    private static final Color INK = new Color(0x1d, 0x23, 0x30);
    private static final Color GRID = new Color(0xe2, 0xe5, 0xea);
    private static final Color MEAN = new Color(0xE6, 0x39, 0x46);
    private static final int BAND_RGB = 0x1d3557;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);

    private FanChart() {
    }

    /**
     * A line drawn over the forecast steps, such as the mean of a what-if scenario set.
     *
     * @param label the legend text
     * @param values one value per forecast step (copied)
     * @param rgb the line colour as {@code 0xRRGGBB}
     * @param dashed whether the line is dashed
     */
    public record Overlay(String label, double[] values, int rgb, boolean dashed) {

        /** Validates and copies. */
        public Overlay {
            Objects.requireNonNull(label, "label == null");
            values = Objects.requireNonNull(values, "values == null").clone();
        }

        /** @return a copy of the values */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    /**
     * Draws the chart.
     *
     * @param title the title
     * @param history the observed values, oldest first ({@code NaN} gaps are left open); at least one
     * @param labels one period label per history value (the x axis shows every sixth), or empty for relative steps
     * @param scenarios the forecast's scenario paths
     * @param overlays extra lines over the forecast steps
     * @return the chart, {@value #WIDTH} x {@value #HEIGHT}
     */
    public static BufferedImage render(String title, double[] history, List<String> labels, ScenarioSet scenarios,
            List<Overlay> overlays) {
        Objects.requireNonNull(title, "title == null");
        Objects.requireNonNull(labels, "labels == null");
        Objects.requireNonNull(scenarios, "scenarios == null");
        Objects.requireNonNull(overlays, "overlays == null");
        if (history.length == 0) {
            throw new IllegalArgumentException("a fan chart needs at least one history value");
        }
        int shown = Math.min(SHOWN_HISTORY, history.length);
        int hz = scenarios.horizon();
        double[] hist = Arrays.copyOfRange(history, history.length - shown, history.length);
        double[][] bands = {scenarios.quantile(0.025), scenarios.quantile(0.975), scenarios.quantile(0.10),
            scenarios.quantile(0.90), scenarios.quantile(0.25), scenarios.quantile(0.75)};
        double[] mean = scenarios.mean();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        widen(range, hist);
        widen(range, bands[0]);
        widen(range, bands[1]);
        widen(range, mean);
        overlays.forEach(o -> widen(range, o.values()));
        Scale sc = Scale.of(range, shown + hz);

        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            grid(g, sc);
            int[] alpha = {45, 70, 100};
            for (int b = 0; b < 3; b++) {
                band(g, sc, shown, bands[2 * b], bands[2 * b + 1], new Color(BAND_RGB >> 16 & 0xff,
                        BAND_RGB >> 8 & 0xff, BAND_RGB & 0xff, alpha[b]));
            }
            g.setStroke(new BasicStroke(2f));
            g.setColor(INK);
            polyline(g, sc, 0, hist);
            g.setColor(MEAN);
            polyline(g, sc, shown - 1, joined(hist, mean, hz));
            int legendY = HEIGHT - 22;
            int x = key(g, LEFT, legendY, INK, null, "history");
            x = key(g, x, legendY, MEAN, null, "mean forecast");
            String bandText = "50 / 80 / 95% of " + scenarios.paths() + " scenarios";
            g.setColor(new Color(BAND_RGB >> 16 & 0xff, BAND_RGB >> 8 & 0xff, BAND_RGB & 0xff, 100));
            g.fillRect(x, legendY - 9, 18, 10);
            g.setColor(INK);
            g.setFont(SMALL);
            g.drawString(bandText, x + 24, legendY);
            x += 38 + g.getFontMetrics().stringWidth(bandText);
            for (Overlay o : overlays) {
                Stroke stroke = o.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {6f, 4f}, 0f) : new BasicStroke(2f);
                g.setStroke(stroke);
                g.setColor(new Color(o.rgb()));
                polyline(g, sc, shown - 1, joined(hist, o.values(), hz));
                x = key(g, x, legendY, new Color(o.rgb()), stroke, o.label());
            }
            axis(g, sc, history.length, shown, labels);
            g.setColor(INK);
            g.setFont(TITLE);
            g.drawString(title, LEFT, 24);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * @param chart a chart from {@link #render}
     * @return its PNG encoding
     * @throws RetailGenException {@link ErrorCode#IO} when the JDK cannot encode PNG
     */
    public static byte[] png(BufferedImage chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            if (!ImageIO.write(chart, "png", out)) {
                throw new RetailGenException(ErrorCode.IO, "no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot encode PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The last history value followed by the first {@code hz} values of {@code forecast}, so lines join. */
    private static double[] joined(double[] hist, double[] forecast, int hz) {
        double[] v = new double[hz + 1];
        Arrays.fill(v, Double.NaN);
        v[0] = hist[hist.length - 1];
        System.arraycopy(forecast, 0, v, 1, Math.min(hz, forecast.length));
        return v;
    }

    private static void widen(double[] range, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
    }

    /** Maps steps and values to pixels. */
    private record Scale(int steps, double min, double max) {
        static Scale of(double[] range, int steps) {
            double lo = range[0];
            double hi = range[1];
            if (!(hi > lo)) {
                lo = Double.isFinite(lo) ? lo - 1 : 0;
                hi = lo + 2;
            }
            double pad = (hi - lo) * 0.05;
            return new Scale(steps, lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad);
        }

        int x(int step) {
            return LEFT + (int) Math.round((WIDTH - RIGHT - LEFT) * (steps <= 1 ? 0 : (double) step / (steps - 1)));
        }

        int y(double v) {
            return HEIGHT - BOTTOM - (int) Math.round((HEIGHT - BOTTOM - TOP) * (v - min) / (max - min));
        }
    }

    private static void grid(Graphics2D g, Scale sc) {
        g.setFont(SMALL);
        for (int i = 0; i <= 5; i++) {
            double v = sc.min() + (sc.max() - sc.min()) * i / 5;
            int y = sc.y(v);
            g.setColor(GRID);
            g.drawLine(LEFT, y, WIDTH - RIGHT, y);
            g.setColor(INK);
            String s = tick(v);
            g.drawString(s, LEFT - 8 - g.getFontMetrics().stringWidth(s), y + 4);
        }
        g.drawLine(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM);
    }

    /** A short axis label: 1.2M, 35k, 812 or 3.5. */
    static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : "%.1f", v);
    }

    private static void band(Graphics2D g, Scale sc, int from, double[] lo, double[] hi, Color c) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(sc.x(from), sc.y(hi[0]));
        for (int i = 1; i < hi.length; i++) {
            p.lineTo(sc.x(from + i), sc.y(hi[i]));
        }
        for (int i = lo.length - 1; i >= 0; i--) {
            p.lineTo(sc.x(from + i), sc.y(lo[i]));
        }
        p.closePath();
        g.setColor(c);
        g.fill(p);
    }

    /** Draws {@code v} from step {@code from} on; a non-finite value breaks the line. */
    private static void polyline(Graphics2D g, Scale sc, int from, double[] v) {
        Path2D.Double p = new Path2D.Double();
        boolean drawing = false;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                drawing = false;
            } else if (drawing) {
                p.lineTo(sc.x(from + i), sc.y(v[i]));
            } else {
                p.moveTo(sc.x(from + i), sc.y(v[i]));
                drawing = true;
            }
        }
        g.draw(p);
    }

    /** One legend entry (a short line and its text); returns the x where the next one starts. */
    private static int key(Graphics2D g, int x, int y, Color c, Stroke stroke, String text) {
        g.setColor(c);
        g.setStroke(stroke != null ? stroke : new BasicStroke(3f));
        g.drawLine(x, y - 4, x + 18, y - 4);
        g.setStroke(new BasicStroke(1f));
        g.setColor(INK);
        g.setFont(SMALL);
        g.drawString(text, x + 24, y);
        return x + 40 + g.getFontMetrics().stringWidth(text);
    }

    private static void axis(Graphics2D g, Scale sc, int historyLength, int shown, List<String> labels) {
        g.setStroke(new BasicStroke(1f));
        g.setFont(SMALL);
        int bottom = HEIGHT - BOTTOM;
        for (int i = 0; i < sc.steps(); i += 6) {
            String s = i >= shown ? "+" + (i - shown + 1)
                    : labels.size() == historyLength ? labels.get(historyLength - shown + i) : "t" + (i - shown + 1);
            int x = sc.x(i);
            g.setColor(INK);
            g.drawLine(x, bottom, x, bottom + 4);
            g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, bottom + 18);
        }
        g.setColor(GRID);
        g.drawLine(sc.x(shown - 1), TOP, sc.x(shown - 1), bottom);
    }
}
