package io.retailgen.governance;

/**
 * Reusable arrays for the normalized views of one text at a time, so that scanning short texts does not allocate
 * (and touch fresh, uncached memory for) a dozen arrays per text. A view built in a workspace is valid until the
 * workspace builds the next view in the same slot. Confined to one thread: {@link #acquire(int)} hands out the
 * calling thread's workspace, or null while it is in use or when the text is too long to keep buffers for.
 */
final class Workspace {

    /** The longest text, in chars, whose buffers are kept for reuse. */
    static final int MAX_KEPT = 1 << 15;

    static final int LIGHT = 0;
    static final int STRICT = 1;
    static final int PHRASE = 2;
    /** Slots used inside {@link Normalizer#strict} only. */
    static final int SCRATCH = 3;
    /** The runs of the strict view. */
    static final int RUNS = 4;
    /** The chars of the text itself, read by {@link Normalizer#light} from an array instead of through the String. */
    static final int TEXT = 5;
    private static final int SLOTS = 6;

    private static final ThreadLocal<Workspace> CURRENT = ThreadLocal.withInitial(Workspace::new);

    private final char[][] chars = new char[SLOTS][];
    private final int[][] starts = new int[SLOTS][];
    private final int[][] ends = new int[SLOTS][];
    private byte[] bytes;
    private boolean[] flags;
    private int[] tokens;
    private final Matches strictMatches = new Matches();
    private final Matches phraseMatches = new Matches();
    private boolean inUse;

    private Workspace() {
    }

    /**
     * @param textLength the length of the text to be checked
     * @return the thread's workspace, now in use until {@link #release()}, or null to allocate fresh arrays
     */
    static Workspace acquire(int textLength) {
        if (textLength > MAX_KEPT) {
            return null;
        }
        Workspace w = CURRENT.get();
        if (w.inUse) {
            return null; // a check run from inside a check
        }
        w.inUse = true;
        return w;
    }

    void release() {
        inUse = false;
    }

    private static int size(int n) {
        return Math.max(n, 256);
    }

    char[] chars(int slot, int n) {
        char[] a = chars[slot];
        if (a == null || a.length < n) {
            a = new char[size(n)];
            chars[slot] = a;
        }
        return a;
    }

    int[] starts(int slot, int n) {
        int[] a = starts[slot];
        if (a == null || a.length < n) {
            a = new int[size(n)];
            starts[slot] = a;
        }
        return a;
    }

    int[] ends(int slot, int n) {
        int[] a = ends[slot];
        if (a == null || a.length < n) {
            a = new int[size(n)];
            ends[slot] = a;
        }
        return a;
    }

    byte[] bytes(int n) {
        if (bytes == null || bytes.length < n) {
            bytes = new byte[size(n)];
        }
        return bytes;
    }

    /** @return an array whose first {@code n} values are false */
    boolean[] clearedFlags(int n) {
        if (flags == null || flags.length < n) {
            flags = new boolean[size(n)];
        } else {
            java.util.Arrays.fill(flags, 0, n, false);
        }
        return flags;
    }

    int[] tokens(int n) {
        if (tokens == null || tokens.length < n) {
            tokens = new int[size(n)];
        }
        return tokens;
    }

    /** @return the match buffer of the strict ({@link #STRICT}) or the phrase ({@link #PHRASE}) view */
    Matches matches(int slot) {
        return slot == STRICT ? strictMatches : phraseMatches;
    }

    // allocation helpers for callers that may have no workspace

    static char[] chars(Workspace w, int slot, int n) {
        return w == null ? new char[n] : w.chars(slot, n);
    }

    static int[] starts(Workspace w, int slot, int n) {
        return w == null ? new int[n] : w.starts(slot, n);
    }

    static int[] ends(Workspace w, int slot, int n) {
        return w == null ? new int[n] : w.ends(slot, n);
    }
}
