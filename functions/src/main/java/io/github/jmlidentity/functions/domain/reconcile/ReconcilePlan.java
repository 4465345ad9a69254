package io.github.jmlidentity.functions.domain.reconcile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every employee of the roster and every directory user, each with what a reconcile does for it. */
public record ReconcilePlan(List<PlanItem> items) {

    public ReconcilePlan {
        items = List.copyOf(items);
    }

    /** How many items of each action, every action listed (0 included), in declaration order. */
    public Map<ReconcileAction, Integer> counts() {
        Map<ReconcileAction, Integer> counts = new EnumMap<>(ReconcileAction.class);
        for (ReconcileAction action : ReconcileAction.values()) {
            counts.put(action, 0);
        }
        items.forEach(item -> counts.merge(item.action(), 1, Integer::sum));
        return counts;
    }

    public long count(ReconcileAction action) {
        return items.stream().filter(i -> i.action() == action).count();
    }
}
