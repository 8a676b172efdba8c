package io.retailgen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes small synthetic click-session files in the {@code SessionId ItemId Time} TSV format of the shared data,
 * for tests that need a fixture built at run time. Sessions follow a few hidden "paths" through the catalog so that
 * sequence models have something to learn.
 */
public final class TinySessions {
    private TinySessions() {
    }

    /**
     * @param file where to write
     * @param sessions number of sessions
     * @param items catalog size (item ids 1..items)
     * @param seed random seed; the same seed gives the same file
     * @return the file
     */
    public static Path write(Path file, int sessions, int items, long seed) {
        if (sessions < 1 || items < 4) {
            throw new IllegalArgumentException("need at least 1 session and 4 items, got " + sessions + ", " + items);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("SessionId\tItemId\tTime\n");
        double t = 1_396_000_000d;
        for (int s = 1; s <= sessions; s++) {
            int len = 2 + rnd.nextInt(6);
            int item = 1 + rnd.nextInt(items);
            int stride = 1 + (item % 3);
            for (int i = 0; i < len; i++) {
                t += 1 + rnd.nextInt(120);
                b.append(s).append('\t').append(item).append('\t').append(String.format(java.util.Locale.ROOT,
                        "%.3f", t)).append('\n');
                item = rnd.nextInt(10) < 8 ? 1 + (item - 1 + stride) % items : 1 + rnd.nextInt(items);
            }
        }
        try {
            Files.writeString(file, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
