package io.retailgen.examples.storefront;

import java.util.List;
import java.util.Set;

/**
 * The reviewer sign-in: {@code GET /sign-in} shows a form (name, sign-in code); {@code POST /sign-in} checks the code,
 * and on success the server starts a new session that carries the reviewer's name and sends the browser to
 * {@code /creative-review}; {@code POST /sign-out} ends it. Review decisions take the reviewer from the session only.
 */
final class SignInPage {

    static final Set<String> PATHS = Set.of("sign-in", "sign-out");

    private SignInPage() {
    }

    /**
     * @param reviewer the reviewer signed in now, or null
     * @param csrfToken the session's CSRF token
     * @param names the reviewers that may sign in
     * @return the sign-in page
     */
    static PageResponse form(String reviewer, String csrfToken, List<String> names) {
        StringBuilder h = new StringBuilder(2048);
        h.append("<h1>Reviewer sign-in</h1>\n");
        if (reviewer != null) {
            h.append("<p id=\"signed-in-as\">Signed in as <strong>").append(Html.escape(reviewer))
                    .append("</strong>. Open the <a href=\"/creative-review\">creative review</a>.</p>\n");
        }
        if (names.isEmpty()) {
            h.append("<p class=\"meta\">No reviewer accounts are configured on this storefront.</p>\n");
            return PageResponse.html(200, "Reviewer sign-in", h.toString());
        }
        h.append("<form method=\"post\" action=\"/sign-in\" id=\"sign-in-form\" class=\"product\">")
                .append(PageRequest.csrfField(csrfToken))
                .append("<label>Reviewer <input name=\"name\" id=\"reviewer-name\" maxlength=\"40\" required"
                        + " autocomplete=\"username\"></label> ")
                .append("<label>Sign-in code <input name=\"code\" id=\"reviewer-code\" type=\"password\" maxlength=\"")
                .append(Reviewers.MAX_CODE).append("\" required autocomplete=\"current-password\"></label> ")
                .append("<button type=\"submit\" id=\"sign-in\">Sign in</button></form>\n")
                .append("<p class=\"meta\">The storefront prints each reviewer's sign-in code when it starts.</p>\n");
        return PageResponse.html(200, "Reviewer sign-in", h.toString());
    }

    /**
     * @param reviewer the reviewer signed in, or null
     * @param csrfToken the session's CSRF token, or null when there is no session
     * @return the header's sign-in link, or the reviewer's name and a sign-out button
     */
    static String headerLinks(String reviewer, String csrfToken) {
        if (reviewer == null) {
            return "<span class=\"account\"><a href=\"/sign-in\" id=\"sign-in-link\">Reviewer sign-in</a></span>";
        }
        return "<span class=\"account\">Signed in as <span id=\"reviewer\">" + Html.escape(reviewer)
                + "</span> <form method=\"post\" action=\"/sign-out\" class=\"inline\">"
                + PageRequest.csrfField(csrfToken)
                + "<button type=\"submit\" id=\"sign-out\">Sign out</button></form></span>";
    }
}
