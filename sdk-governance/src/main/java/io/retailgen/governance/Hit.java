package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;

/** A finding plus the text that replaces its span when the policy redacts it. */
record Hit(Finding finding, String mask) {
}
