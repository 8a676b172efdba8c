package io.retailgen.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions grouped into sessions, sessions ordered by start time, events within a session by time, items as
 * dense indices of a vocabulary. Immutable once built.
 */
final class SessionLog {

    final ItemVocab vocab;
    /** Session {@code s} holds events {@code start[s] .. start[s+1]-1}. */
    final int[] start;
    final int[] items;
    final double[] times;
    final int[] deviceSlots;
    final int[] hourSlots;
    final String[] sessionIds;
    /** Events whose item the vocabulary did not know (only for a log built against a fixed vocabulary). */
    final long unknownItems;

    private SessionLog(ItemVocab vocab, int[] start, int[] items, double[] times, int[] deviceSlots,
            int[] hourSlots, String[] sessionIds, long unknownItems) {
        this.vocab = vocab;
        this.start = start;
        this.items = items;
        this.times = times;
        this.deviceSlots = deviceSlots;
        this.hourSlots = hourSlots;
        this.sessionIds = sessionIds;
        this.unknownItems = unknownItems;
    }

    /** Builds a log and a vocabulary of every item seen. */
    static SessionLog of(List<Interaction> events) {
        return build(events, new ItemVocab(), true);
    }

    /** Builds a log against a fixed vocabulary; events with unknown items are dropped and counted. */
    static SessionLog of(List<Interaction> events, ItemVocab vocab) {
        return build(events, vocab, false);
    }

    private static SessionLog build(List<Interaction> events, ItemVocab vocab, boolean grow) {
        Map<String, List<Interaction>> bySession = new LinkedHashMap<>();
        long unknown = 0;
        for (Interaction e : events) {
            if (!grow && vocab.indexOf(e.itemId()) < 0) {
                unknown++;
                continue;
            }
            bySession.computeIfAbsent(e.sessionId(), k -> new ArrayList<>()).add(e);
        }
        List<List<Interaction>> sessions = new ArrayList<>(bySession.values());
        for (List<Interaction> s : sessions) {
            s.sort((a, b) -> Double.compare(a.timestamp(), b.timestamp()));
        }
        sessions.sort((a, b) -> Double.compare(a.get(0).timestamp(), b.get(0).timestamp()));
        int n = 0;
        for (List<Interaction> s : sessions) {
            n += s.size();
        }
        int[] start = new int[sessions.size() + 1];
        int[] items = new int[n];
        double[] times = new double[n];
        int[] dev = new int[n];
        int[] hour = new int[n];
        String[] ids = new String[sessions.size()];
        int p = 0;
        for (int s = 0; s < sessions.size(); s++) {
            start[s] = p;
            ids[s] = sessions.get(s).get(0).sessionId();
            for (Interaction e : sessions.get(s)) {
                items[p] = grow ? vocab.add(e.itemId()) : vocab.indexOf(e.itemId());
                times[p] = e.timestamp();
                dev[p] = e.context().deviceSlot();
                hour[p] = e.context().hourSlot();
                p++;
            }
        }
        start[sessions.size()] = p;
        return new SessionLog(vocab, start, items, times, dev, hour, ids, unknown);
    }

    int sessionCount() {
        return start.length - 1;
    }

    int eventCount() {
        return items.length;
    }

    int length(int s) {
        return start[s + 1] - start[s];
    }

    int[] sessionItems(int s) {
        return Arrays.copyOfRange(items, start[s], start[s + 1]);
    }

    boolean hasContext() {
        for (int i = 0; i < items.length; i++) {
            if (deviceSlots[i] != 0 || hourSlots[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
