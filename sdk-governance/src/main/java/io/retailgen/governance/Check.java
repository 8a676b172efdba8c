package io.retailgen.governance;

import java.util.List;

/** A built-in check over the shared normalized views. Implementations are immutable and thread-safe. */
interface Check {
    void run(Analysis analysis, List<Hit> out);
}
