package io.retailgen.examples.storefront;

/**
 * A page of the storefront and its JSON endpoint: the extension point through which each SDK module adds its page.
 * The page at {@link #path()} {@code "planner"} answers {@code /planner/...} ({@link #page}) and
 * {@code /api/planner/...} ({@link #api}). Built-in pages: {@code product} (recommendations), {@code planner}
 * (sdk-forecast), {@code creative-review} (sdk-imagegen) and {@code audit}; a page registered with
 * {@link StorefrontApp.Builder#page(StorefrontPage)} replaces the built-in one of the same path (an application
 * without a module can register a {@link ModuleNotInstalledPage} there).
 *
 * <pre>{@code
 * final class PlannerPage implements StorefrontPage {
 *     public String path() { return "planner"; }
 *     public String title() { return "Planner"; }
 *     public PageResponse page(PageRequest r) { return PageResponse.html(200, "Planner", "<h1>Planner</h1>"); }
 *     public PageResponse api(PageRequest r) { return PageResponse.json(200, Map.of("scenarios", List.of())); }
 * }
 * StorefrontApp app = StorefrontApp.builder().page(new PlannerPage()).start();
 * }</pre>
 *
 * <p>Pages are called from several server threads at once and must be thread-safe. They signal bad input by
 * throwing {@link PageException}; any other exception becomes a 500 with no details shown.
 */
public interface StorefrontPage {

    /** @return the first path segment, lower case letters, digits and '-' ({@code "planner"}) */
    String path();

    /** @return the label in the navigation bar (plain text) */
    String title();

    /** @return whether the navigation bar links to {@code /<path>} (false for pages that need an id) */
    default boolean inNavigation() {
        return true;
    }

    /**
     * @param request the request for {@code /<path>/...}
     * @return an HTML response ({@link PageResponse#html})
     */
    PageResponse page(PageRequest request);

    /**
     * @param request the request for {@code /api/<path>/...}
     * @return a JSON response ({@link PageResponse#json})
     */
    PageResponse api(PageRequest request);
}
