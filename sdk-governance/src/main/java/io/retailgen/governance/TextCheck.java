package io.retailgen.governance;

import io.retailgen.core.intercept.Finding;
import java.util.List;

/**
 * A custom check added to a {@link ContentPolicy} next to the built-in ones. It sees the original text and returns
 * findings with spans in that text; the policy turns their severities into a verdict.
 *
 * <pre>{@code
 * TextCheck noShouting = text -> text.length() > 20 && text.equals(text.toUpperCase(Locale.ROOT))
 *         ? List.of(Finding.whole("style.shouting", "style", Severity.LOW, "all capitals"))
 *         : List.of();
 * ContentPolicy policy = ContentPolicy.builder().defaults().check(noShouting).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one policy serves many threads.
 */
@FunctionalInterface
public interface TextCheck {

    /**
     * @param text the text under check, never null
     * @return the findings, never null
     */
    List<Finding> check(String text);
}
