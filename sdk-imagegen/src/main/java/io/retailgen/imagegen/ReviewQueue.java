package io.retailgen.imagegen;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Human review of generated assets. Each submitted asset is {@link Status#PENDING} until a reviewer approves,
 * rejects or requests changes; every decision is kept with reviewer, comment and time. Only approved assets can be
 * published ({@link #requireApproved(String)}).
 *
 * <pre>{@code
 * ReviewQueue queue = new ReviewQueue(Clock.systemUTC());
 * queue.submit(assetId, "campaign-7");
 * queue.decide(assetId, ReviewQueue.Status.APPROVED, "maria", "on brand");
 * store.publish(assetId, queue); // fails unless approved
 * }</pre>
 *
 * <p>Thread-safe: all methods are synchronized.
 */
public final class ReviewQueue {
    /** Review states. */
    public enum Status {
        /** Waiting for a reviewer. */
        PENDING,
        /** Approved: may be published. */
        APPROVED,
        /** Rejected: never published. */
        REJECTED,
        /** The reviewer asked for changes: a new version must be submitted. */
        CHANGES_REQUESTED
    }

    /**
     * One event in an asset's review history.
     *
     * @param assetId the asset
     * @param status the state after the event
     * @param reviewer who decided ({@code "system"} for the submission)
     * @param comment the comment (may be empty)
     * @param time when
     */
    public record Decision(String assetId, Status status, String reviewer, String comment, Instant time) {
        /** Validates. */
        public Decision {
            Objects.requireNonNull(assetId, "assetId == null");
            Objects.requireNonNull(status, "status == null");
            Objects.requireNonNull(reviewer, "reviewer == null");
            Objects.requireNonNull(comment, "comment == null");
            Objects.requireNonNull(time, "time == null");
        }
    }

    private final Clock clock;
    private final Map<String, List<Decision>> history = new LinkedHashMap<>();

    /** @param clock the clock that stamps decisions */
    public ReviewQueue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * @param assetId the asset to review
     * @param comment why it is submitted
     * @return the pending decision
     * @throws IllegalStateException when the asset is already pending or approved
     */
    public synchronized Decision submit(String assetId, String comment) {
        Objects.requireNonNull(assetId, "assetId == null");
        Status now = status(assetId);
        if (now == Status.PENDING || now == Status.APPROVED) {
            throw new IllegalStateException("asset " + assetId + " is already " + now);
        }
        return add(new Decision(assetId, Status.PENDING, "system", comment == null ? "" : comment, clock.instant()));
    }

    /**
     * @param assetId a pending asset
     * @param status APPROVED, REJECTED or CHANGES_REQUESTED
     * @param reviewer who decides (not blank)
     * @param comment the comment
     * @return the decision
     * @throws IllegalStateException when the asset is not pending
     * @throws IllegalArgumentException when the status is PENDING or the reviewer is blank
     */
    public synchronized Decision decide(String assetId, Status status, String reviewer, String comment) {
        Objects.requireNonNull(status, "status == null");
        if (status == Status.PENDING) {
            throw new IllegalArgumentException("a decision must be APPROVED, REJECTED or CHANGES_REQUESTED");
        }
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("reviewer must not be blank");
        }
        Status now = status(assetId);
        if (now != Status.PENDING) {
            throw new IllegalStateException("asset " + assetId + " is " + (now == null ? "not submitted" : now)
                    + ", only PENDING assets can be decided");
        }
        return add(new Decision(assetId, status, reviewer, comment == null ? "" : comment, clock.instant()));
    }

    /**
     * @param assetId an asset
     * @return its current state, or null when never submitted
     */
    public synchronized Status status(String assetId) {
        List<Decision> h = history.get(assetId);
        return h == null ? null : h.get(h.size() - 1).status();
    }

    /**
     * @param assetId an asset
     * @return its decisions, oldest first
     */
    public synchronized List<Decision> history(String assetId) {
        return List.copyOf(history.getOrDefault(assetId, List.of()));
    }

    /** @return the assets waiting for review, in submission order */
    public synchronized List<String> pending() {
        List<String> out = new ArrayList<>();
        history.forEach((id, h) -> {
            if (h.get(h.size() - 1).status() == Status.PENDING) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * @param assetId an asset
     * @throws IllegalStateException when it is not approved
     */
    public synchronized void requireApproved(String assetId) {
        Status s = status(assetId);
        if (s != Status.APPROVED) {
            throw new IllegalStateException("asset " + assetId + " cannot be published: review status is "
                    + (s == null ? "not submitted" : s) + ", must be APPROVED");
        }
    }

    private Decision add(Decision d) {
        history.computeIfAbsent(d.assetId(), k -> new ArrayList<>()).add(d);
        return d;
    }
}
