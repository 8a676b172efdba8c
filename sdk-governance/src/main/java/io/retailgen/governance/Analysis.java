package io.retailgen.governance;

/**
 * One text under check, with its normalized views computed once on first use, in the thread's {@link Workspace}
 * when it has one. Confined to one thread; the views are valid only until the workspace is released.
 */
final class Analysis {
    final String text;
    /** The buffers the views are built in, or null to allocate them. */
    final Workspace workspace;
    private TextView light;
    private TextView strict;
    private TextView phrase;

    Analysis(String text) {
        this(text, null);
    }

    Analysis(String text, Workspace workspace) {
        this.text = text;
        this.workspace = workspace;
    }

    TextView light() {
        if (light == null) {
            light = Normalizer.light(text, workspace);
        }
        return light;
    }

    TextView strict() {
        if (strict == null) {
            strict = Normalizer.strict(light(), workspace);
        }
        return strict;
    }

    TextView phrase() {
        if (phrase == null) {
            phrase = Normalizer.phrase(light(), workspace);
        }
        return phrase;
    }

    /** @return an int array of at least {@code n} values, reused when there is a workspace (any content) */
    int[] ints(int n) {
        return workspace == null ? new int[n] : workspace.tokens(n);
    }
}
