package io.retailgen.core.train;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Draws training progress on a console. On a terminal it keeps one line up to date with carriage returns:
 * <pre>
 * epoch 2/5 [==========&gt;         ]  52% loss 0.4312  1,234 ex/s  ETA 1m 05s
 * </pre>
 * and leaves one finished line per epoch. When the stream is not a terminal (a log file, a CI console) it writes
 * only one line per epoch and one at the end, with no carriage returns.
 *
 * <pre>{@code
 * TrainingProgress progress = TrainingProgress.of(ConsoleProgressBar.create());
 * TrainingProgress quiet = TrainingProgress.of(
 *         ConsoleProgressBar.builder().out(System.out).interactive(false).build());
 * }</pre>
 *
 * <p>Writes to standard error by default, so that standard output stays free for results (the CLI prints JSON
 * there). Redraws at most every {@link Builder#redrawInterval(Duration) redraw interval} of training time.
 * Thread-safe.
 */
public final class ConsoleProgressBar implements TrainingListener {

    private final PrintStream out;
    private final boolean interactive;
    private final int width;
    private final long redrawNanos;

    private int lastLength;
    private long lastDrawNanos = Long.MIN_VALUE;

    private ConsoleProgressBar(Builder b) {
        this.out = b.out;
        this.interactive = b.interactive;
        this.width = b.width;
        this.redrawNanos = b.redrawInterval.toNanos();
    }

    /** @return a bar on standard error, interactive when {@link System#console()} is not null */
    public static ConsoleProgressBar create() {
        return builder().build();
    }

    /** @return a builder with the defaults of {@link #create()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return true when this bar redraws one line with carriage returns */
    public boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized void onEpochStart(EpochStart start) {
        lastDrawNanos = Long.MIN_VALUE;
    }

    @Override
    public synchronized void onStep(StepEvent s) {
        if (!interactive) {
            return;
        }
        long now = s.elapsed().toNanos();
        boolean last = s.step() >= s.stepsPerEpoch();
        if (!last && lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < redrawNanos) {
            return;
        }
        lastDrawNanos = now;
        redraw(line(s.epoch(), s.totalEpochs(), s.epochFraction(), s.loss(), s.examplesPerSecond(), s.eta(), ""),
                false);
    }

    @Override
    public synchronized void onEpochEnd(EpochEvent e) {
        String tail = "  took " + ProgressFormat.duration(e.epochTime()) + ProgressFormat.metrics(e.metrics());
        String text = line(e.epoch(), e.totalEpochs(), 1.0, e.loss(), e.examplesPerSecond(), e.eta(), tail);
        if (interactive) {
            redraw(text, true);
        } else {
            out.println(text);
            out.flush();
        }
    }

    @Override
    public synchronized void onTrainingEnd(TrainingSummary s) {
        String text = "training " + (s.stoppedEarly() ? "stopped early" : "done") + ": " + s.epochs() + "/"
                + s.totalEpochs() + " epochs in " + ProgressFormat.duration(s.elapsed()) + ", "
                + ProgressFormat.rate(s.examplesPerSecond()) + " ex/s, loss " + ProgressFormat.loss(s.loss());
        if (interactive && lastLength > 0) {
            // an epoch that was not ended left a partial line
            redraw(text, true);
        } else {
            out.println(text);
            out.flush();
        }
    }

    private String line(int epoch, int totalEpochs, double fraction, double loss, double rate, Duration eta,
                        String tail) {
        int filled = (int) Math.floor(fraction * width);
        StringBuilder b = new StringBuilder(width + 80);
        b.append("epoch ").append(epoch).append('/').append(totalEpochs).append(" [");
        for (int i = 0; i < width; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        String percent = Integer.toString((int) Math.floor(fraction * 100));
        b.append("] ").append("   ", 0, 3 - percent.length()).append(percent).append("% loss ")
                .append(ProgressFormat.loss(loss)).append("  ").append(ProgressFormat.rate(rate))
                .append(" ex/s  ETA ").append(ProgressFormat.duration(eta)).append(tail);
        return b.toString();
    }

    private void redraw(String text, boolean finish) {
        StringBuilder b = new StringBuilder(text.length() + lastLength + 2).append('\r').append(text);
        for (int i = text.length(); i < lastLength; i++) {
            b.append(' ');
        }
        if (finish) {
            b.append(System.lineSeparator());
            lastLength = 0;
        } else {
            lastLength = text.length();
        }
        out.print(b);
        out.flush();
    }

    /** Builds a {@link ConsoleProgressBar}. Not thread-safe. */
    public static final class Builder {
        private PrintStream out = System.err;
        private boolean interactive = System.console() != null;
        private int width = 30;
        private Duration redrawInterval = Duration.ofMillis(100);

        private Builder() {
        }

        /**
         * @param out where to draw (standard error by default)
         * @return this builder
         */
        public Builder out(PrintStream out) {
            this.out = Objects.requireNonNull(out, "out == null");
            return this;
        }

        /**
         * @param interactive true to redraw one line with carriage returns, false for one line per epoch (default:
         *     whether {@link System#console()} is not null)
         * @return this builder
         */
        public Builder interactive(boolean interactive) {
            this.interactive = interactive;
            return this;
        }

        /**
         * @param width the number of characters inside the brackets, 5 to 200 (30 by default)
         * @return this builder
         */
        public Builder width(int width) {
            if (width < 5 || width > 200) {
                throw new IllegalArgumentException("width must be in 5..200, was " + width);
            }
            this.width = width;
            return this;
        }

        /**
         * @param interval the least training time between two redraws within an epoch (100 ms by default; zero
         *     redraws on every step)
         * @return this builder
         */
        public Builder redrawInterval(Duration interval) {
            ProgressFormat.requireDuration(interval, "redrawInterval");
            this.redrawInterval = interval;
            return this;
        }

        /** @return the progress bar */
        public ConsoleProgressBar build() {
            return new ConsoleProgressBar(this);
        }
    }
}
