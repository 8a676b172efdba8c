package io.retailgen.examples.storefront;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront's server-side sessions: the id in the {@code rg_session} cookie maps to a CSRF token and, once a
 * reviewer has signed in, to the reviewer's name. The name is set by the server after checking the reviewer's
 * sign-in code and never taken from a form. Bounded: idle sessions expire and the least recently used ones are
 * dropped when there are too many. Thread-safe.
 */
final class Sessions {

    static final int MAX_SESSIONS = 10_000;
    static final Duration IDLE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One shopper's (or reviewer's) session; the token and the reviewer never change, a sign-in makes a new one. */
    static final class Session {
        final String id;
        final String csrfToken;
        final String reviewer;
        volatile long lastSeen;

        private Session(String id, String reviewer, long now) {
            this.id = id;
            this.csrfToken = random(32);
            this.reviewer = reviewer;
            this.lastSeen = now;
        }

        /**
         * @param token the token a form or an {@code X-CSRF-Token} header brought, or null
         * @return whether it is this session's token (compared in constant time)
         */
        boolean tokenMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> byId = new ConcurrentHashMap<>();

    /**
     * @param id an id from a cookie, or null
     * @return the live session with that id, or null when there is none (unknown, expired, or dropped)
     */
    Session find(String id) {
        if (id == null) {
            return null;
        }
        Session s = byId.get(id);
        long now = System.nanoTime();
        if (s == null) {
            return null;
        }
        if (now - s.lastSeen > IDLE.toNanos()) {
            byId.remove(id, s);
            return null;
        }
        s.lastSeen = now;
        return s;
    }

    /** @return the number of visitor sessions held (idle ones are dropped when found or when the table is full) */
    int size() {
        return byId.size();
    }

    /** @return a new anonymous session */
    Session create() {
        return add(null);
    }

    /**
     * Replaces a session by a new one for a signed-in reviewer (a new id and token, so that an id planted before the
     * sign-in is worth nothing after it).
     *
     * @param old the session the sign-in came from, or null
     * @param reviewer the reviewer the server has identified, or null to sign out
     * @return the new session
     */
    Session replace(Session old, String reviewer) {
        if (old != null) {
            byId.remove(old.id, old);
        }
        return add(reviewer);
    }

    private Session add(String reviewer) {
        if (byId.size() >= MAX_SESSIONS) {
            evict();
        }
        Session s = new Session(random(16), reviewer, System.nanoTime());
        byId.put(s.id, s);
        return s;
    }

    private synchronized void evict() {
        long now = System.nanoTime();
        byId.values().removeIf(s -> now - s.lastSeen > IDLE.toNanos());
        int excess = byId.size() - MAX_SESSIONS * 9 / 10;
        if (excess > 0) {
            // snapshot lastSeen first: it changes while we sort
            byId.values().stream().map(s -> Map.entry(s.lastSeen, s)).sorted(Map.Entry.comparingByKey())
                    .limit(excess).toList().forEach(e -> byId.remove(e.getValue().id, e.getValue()));
        }
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
