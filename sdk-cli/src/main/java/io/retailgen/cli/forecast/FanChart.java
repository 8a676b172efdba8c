package io.retailgen.cli.forecast;

import io.retailgen.forecast.Forecast;
import io.retailgen.forecast.ScenarioSet;
import io.retailgen.forecast.TimeSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws a fan chart (history, mean, 50/80/95% bands) with Java2D. */
final class FanChart {
    private static final int W = 900;
    private static final int H = 480;
    private static final int PAD = 50;

    private FanChart() {
    }

    static void write(TimeSeries series, Forecast fc, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double[] hist = series.values();
        int show = Math.min(hist.length, Math.max(3 * fc.horizon(), 36));
        int start = hist.length - show;
        ScenarioSet s = fc.scenarios();
        double[] levels = {0.95, 0.8, 0.5};
        ScenarioSet.Interval[] bands = new ScenarioSet.Interval[levels.length];
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = start; i < hist.length; i++) {
            if (!Double.isNaN(hist[i])) {
                min = Math.min(min, hist[i]);
                max = Math.max(max, hist[i]);
            }
        }
        for (int b = 0; b < levels.length; b++) {
            bands[b] = s.interval(levels[b]);
            for (double v : bands[b].lower()) {
                min = Math.min(min, v);
            }
            for (double v : bands[b].upper()) {
                max = Math.max(max, v);
            }
        }
        if (!(max > min)) {
            max = min + 1;
        }
        int total = show + fc.horizon();
        double lo = min;
        double span = max - min;
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(Color.GRAY);
            g.drawRect(PAD, PAD, W - 2 * PAD, H - 2 * PAD);
            java.util.function.IntToDoubleFunction x = t -> PAD + (W - 2.0 * PAD) * t / Math.max(1, total - 1);
            java.util.function.DoubleUnaryOperator y = v -> H - PAD - (H - 2.0 * PAD) * (v - lo) / span;
            Color[] colors = {new Color(198, 219, 239), new Color(158, 202, 225), new Color(107, 174, 214)};
            for (int b = 0; b < levels.length; b++) {
                double[] l = bands[b].lower();
                double[] u = bands[b].upper();
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x.applyAsDouble(show), y.applyAsDouble(u[0]));
                for (int k = 1; k < u.length; k++) {
                    p.lineTo(x.applyAsDouble(show + k), y.applyAsDouble(u[k]));
                }
                for (int k = l.length - 1; k >= 0; k--) {
                    p.lineTo(x.applyAsDouble(show + k), y.applyAsDouble(l[k]));
                }
                p.closePath();
                g.setColor(colors[b]);
                g.fill(p);
            }
            g.setStroke(new BasicStroke(2f));
            g.setColor(Color.BLACK);
            Path2D.Double h = new Path2D.Double();
            boolean started = false;
            for (int i = start; i < hist.length; i++) {
                if (Double.isNaN(hist[i])) {
                    continue;
                }
                double px = x.applyAsDouble(i - start);
                double py = y.applyAsDouble(hist[i]);
                if (started) {
                    h.lineTo(px, py);
                } else {
                    h.moveTo(px, py);
                    started = true;
                }
            }
            g.draw(h);
            g.setColor(new Color(8, 48, 107));
            double[] mean = fc.mean();
            Path2D.Double mp = new Path2D.Double();
            mp.moveTo(x.applyAsDouble(show), y.applyAsDouble(mean[0]));
            for (int k = 1; k < mean.length; k++) {
                mp.lineTo(x.applyAsDouble(show + k), y.applyAsDouble(mean[k]));
            }
            g.draw(mp);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            g.setColor(Color.BLACK);
            g.drawString(series.id() + "  " + fc.model() + "  (50/80/95% bands, " + s.paths() + " paths)", PAD,
                    PAD - 15);
            g.drawString(String.format(java.util.Locale.ROOT, "%.4g", max), 5, PAD + 5);
            g.drawString(String.format(java.util.Locale.ROOT, "%.4g", min), 5, H - PAD);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}
