package io.retailgen.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the public data sets that live beside the project in {@code ../shared/data}. Tests that need them call
 * {@link #require(String)}, which skips the test with a clear message when the data is absent, so that a fresh clone
 * without the data still passes.
 *
 * <pre>{@code
 * Path train = SharedData.require("sessions/yoochoose-100k/train_tr.tsv");
 * }</pre>
 */
public final class SharedData {
    /** System property that points at the data folder; Maven's surefire sets it to {@code ../shared/data}. */
    public static final String PROPERTY = "retailgen.shared.data";

    private SharedData() {
    }

    /**
     * @return the data folder if it exists: the system property, else {@code ../shared/data} seen from the working
     *     directory or one of its parents; null when none exists
     */
    public static Path root() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    /**
     * @param relative a path inside the data folder, such as {@code text/blns.json}
     * @return the file, when present
     */
    public static java.util.Optional<Path> find(String relative) {
        Path root = root();
        if (root == null) {
            return java.util.Optional.empty();
        }
        Path p = root.resolve(relative);
        return Files.exists(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    /**
     * Returns the file or skips the calling test.
     *
     * @param relative a path inside the data folder
     * @return the file
     */
    public static Path require(String relative) {
        java.util.Optional<Path> p = find(relative);
        Assumptions.assumeTrue(p.isPresent(), () -> "skipped: shared data file '" + relative
                + "' not found (set -D" + PROPERTY + "=<folder> or place the data in ../shared/data)");
        return p.orElseThrow();
    }
}
