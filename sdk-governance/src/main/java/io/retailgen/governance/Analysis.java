package io.retailgen.governance;

/** One text under check, with its normalized views computed once on first use. Confined to one thread. */
final class Analysis {
    final String text;
    private TextView light;
    private TextView strict;
    private TextView phrase;

    Analysis(String text) {
        this.text = text;
    }

    TextView light() {
        if (light == null) {
            light = Normalizer.light(text);
        }
        return light;
    }

    TextView strict() {
        if (strict == null) {
            strict = Normalizer.strict(light());
        }
        return strict;
    }

    TextView phrase() {
        if (phrase == null) {
            phrase = Normalizer.phrase(light());
        }
        return phrase;
    }
}
