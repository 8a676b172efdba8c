package io.retailgen.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * The allowed ranges of the options that size an allocation (horizons, path counts, epochs, list lengths), checked
 * before any work starts, so that a value such as {@code --horizon 100000000} is a usage error naming the option and
 * the range instead of an {@link OutOfMemoryError} later. Every command uses these constants, so one range holds
 * wherever an option appears.
 */
public final class OptionRanges {

    /** Most forecast steps ({@code --horizon}, {@code --holdout}). */
    public static final int MAX_HORIZON = 10_000;
    /** Most scenario paths ({@code --paths}). */
    public static final int MAX_PATHS = 100_000;
    /** Most scenario values (paths x horizon) held at once: 10 million doubles, 80 MB. */
    public static final long MAX_SCENARIO_VALUES = 10_000_000L;
    /** Most training epochs of any model ({@code --epochs}). */
    public static final int MAX_EPOCHS = 10_000;
    /** Most lagged values a generative forecast model sees ({@code --window}). */
    public static final int MAX_WINDOW = 1_000;
    /** Most hidden units of a generative forecast model ({@code --hidden}). */
    public static final int MAX_HIDDEN = 1_024;
    /** Longest recommendation list ({@code --k}). */
    public static final int MAX_LIST_LENGTH = 1_000;
    /** Most generated images in one call ({@code --count}). */
    public static final int MAX_IMAGES = 1_000_000;
    /** Most generated images per category in an evaluation ({@code --per-category}). */
    public static final int MAX_PER_CATEGORY = 10_000;

    private OptionRanges() {
    }

    /**
     * @param cl the command line, for the usage error
     * @param option the option's name, such as {@code --horizon}
     * @param value its value
     * @param min the least allowed
     * @param max the most allowed
     * @return {@code value}
     * @throws CommandLine.ParameterException naming the option, the range and the value when it is outside
     */
    public static int require(CommandLine cl, String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "%s must be >= %,d and <= %,d, "
                    + "was %,d", option, min, max, value));
        }
        return (int) value;
    }

    /**
     * Checks that {@code paths x steps} scenario values fit {@link #MAX_SCENARIO_VALUES}.
     *
     * @param cl the command line
     * @param paths the paths
     * @param stepsOption the option giving the steps, such as {@code --horizon}
     * @param steps the steps
     */
    public static void requireScenarioSize(CommandLine cl, int paths, String stepsOption, int steps) {
        long values = (long) paths * steps;
        if (values > MAX_SCENARIO_VALUES) {
            throw new CommandLine.ParameterException(cl, String.format(Locale.ROOT, "--paths x %s must be at most "
                    + "%,d scenario values, was %,d x %,d = %,d; lower --paths or %s", stepsOption,
                    MAX_SCENARIO_VALUES, paths, steps, values, stepsOption));
        }
    }
}
