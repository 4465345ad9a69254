package io.github.jmlidentity.functions.application.audit;

import java.time.Instant;
import java.util.List;

/**
 * What an event did to the scheduled changes, for its audit record.
 *
 * @param dueAt            when a SCHEDULED (or CANCELLED) change is, or was, due; null otherwise
 * @param pendingCancelled HR event ids of pending changes this event cancelled or replaced
 */
public record Scheduling(Instant dueAt, List<String> pendingCancelled) {

    public static final Scheduling NONE = new Scheduling(null, List.of());

    public Scheduling {
        pendingCancelled = List.copyOf(pendingCancelled);
    }

    public static Scheduling due(Instant dueAt) {
        return new Scheduling(dueAt, List.of());
    }

    public Scheduling withCancelled(List<String> hrEventIds) {
        List<String> all = new java.util.ArrayList<>(pendingCancelled);
        hrEventIds.stream().filter(id -> !all.contains(id)).forEach(all::add);
        return new Scheduling(dueAt, all);
    }
}
