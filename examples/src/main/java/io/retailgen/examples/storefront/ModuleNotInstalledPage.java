package io.retailgen.examples.storefront;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A placeholder for a page slot whose SDK module an application does not ship: the page and its JSON endpoint
 * answer 501 with a message naming the module and how to add it. Register it with
 * {@code StorefrontApp.builder().page(...)} in place of the built-in page of the same {@link #path()}.
 *
 * <pre>{@code
 * StorefrontPage planner = ModuleNotInstalledPage.planner();   // an application without sdk-forecast
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ModuleNotInstalledPage implements StorefrontPage {

    private final String path;
    private final String title;
    private final String artifact;
    private final String purpose;

    /**
     * @param path the page slot
     * @param title the navigation label
     * @param artifact the module's artifact id, such as {@code sdk-forecast}
     * @param purpose what the page will show once the module is installed (plain text)
     */
    public ModuleNotInstalledPage(String path, String title, String artifact, String purpose) {
        this.path = Objects.requireNonNull(path, "path == null");
        this.title = Objects.requireNonNull(title, "title == null");
        this.artifact = Objects.requireNonNull(artifact, "artifact == null");
        this.purpose = Objects.requireNonNull(purpose, "purpose == null");
    }

    /** @return the planner slot, for sdk-forecast */
    public static ModuleNotInstalledPage planner() {
        return new ModuleNotInstalledPage("planner", "Planner", "sdk-forecast",
                "demand scenarios as a fan chart, a discount-depth what-if and safety stock");
    }

    /** @return the creative-review slot, for sdk-imagegen */
    public static ModuleNotInstalledPage creativeReview() {
        return new ModuleNotInstalledPage("creative-review", "Creative review", "sdk-imagegen",
                "generated product images waiting for a reviewer to approve or reject them");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String title() {
        return title;
    }

    /** @return the artifact id of the missing module */
    public String artifact() {
        return artifact;
    }

    /** @return whether the module's jar is on the class path (it is then installed but has no page yet) */
    public boolean onClassPath() {
        return ModuleNotInstalledPage.class.getClassLoader()
                .getResource("META-INF/maven/io.retailgen/" + artifact + "/pom.properties") != null;
    }

    private String message() {
        return onClassPath()
                ? "io.retailgen:" + artifact + " is on the class path, but no " + title + " page is registered."
                : "Module not installed: io.retailgen:" + artifact + " is not part of this storefront yet.";
    }

    @Override
    public PageResponse page(PageRequest request) {
        request.requireMethod("GET");
        String html = "<h1>" + Html.escape(title) + "</h1>\n"
                + "<div class=\"notice\" id=\"module-status\"><p><strong>" + Html.escape(message()) + "</strong></p>"
                + "<p>When installed, this page shows " + Html.escape(purpose) + ".</p>"
                + "<p>To add it: put <code>io.retailgen:" + Html.escape(artifact) + "</code> in "
                + "<code>examples/pom.xml</code> and register a page for <code>/" + Html.escape(path)
                + "</code> with <code>StorefrontApp.builder().page(...)</code>.</p></div>\n";
        return PageResponse.html(501, title, html);
    }

    @Override
    public PageResponse api(PageRequest request) {
        request.requireMethod("GET");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 501);
        error.put("code", "module_not_installed");
        error.put("module", "io.retailgen:" + artifact);
        error.put("message", message());
        return PageResponse.json(501, Map.of("error", error));
    }

    @Override
    public String toString() {
        return "ModuleNotInstalledPage[" + path + ", " + artifact + "]";
    }
}
