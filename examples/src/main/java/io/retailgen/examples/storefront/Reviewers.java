package io.retailgen.examples.storefront;

import io.retailgen.examples.CreativeStudio;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The reviewers who may sign in to the creative-review page, each with a sign-in code. Only digests of the codes are
 * kept, and a code is checked in constant time (also for an unknown name), so the answer time tells nothing about
 * how close a guess was. Immutable and thread-safe.
 */
final class Reviewers {

    static final int MIN_CODE = 8;
    static final int MAX_CODE = 200;
    private static final byte[] NO_SUCH_REVIEWER = sha256("\u0000no such reviewer\u0000");

    private final Map<String, byte[]> digests;

    /**
     * @param codes reviewer name to sign-in code
     * @throws IllegalArgumentException for a malformed name or a code shorter than {@value #MIN_CODE} characters
     */
    Reviewers(Map<String, String> codes) {
        Map<String, byte[]> d = new LinkedHashMap<>();
        codes.forEach((name, code) -> {
            check(name, code);
            d.put(name, sha256(code));
        });
        this.digests = Map.copyOf(d);
    }

    static void check(String name, String code) {
        Objects.requireNonNull(name, "reviewer name == null");
        Objects.requireNonNull(code, "sign-in code == null");
        if (!CreativeStudio.REVIEWER.matcher(name).matches()) {
            throw new IllegalArgumentException("reviewer name must be 1 to 40 letters, digits, spaces or . _ -,"
                    + " starting with a letter or digit; was '" + name + "'");
        }
        if (code.length() < MIN_CODE || code.length() > MAX_CODE) {
            throw new IllegalArgumentException("the sign-in code of reviewer '" + name + "' must be " + MIN_CODE
                    + " to " + MAX_CODE + " characters, was " + code.length());
        }
    }

    /**
     * @param name the name a sign-in form brought, or null
     * @param code the code it brought, or null
     * @return the reviewer's name when the code is the one configured for it, else null
     */
    String verify(String name, String code) {
        byte[] expected = name == null ? null : digests.get(name);
        byte[] given = sha256(code == null ? "" : code);
        boolean match = MessageDigest.isEqual(expected == null ? NO_SUCH_REVIEWER : expected, given);
        return match && expected != null ? name : null;
    }

    /** @return the reviewer names, sorted */
    List<String> names() {
        return digests.keySet().stream().sorted().toList();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
