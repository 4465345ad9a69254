package io.github.jmlidentity.functions.application;

import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.HrEvent;
import io.github.jmlidentity.functions.domain.reconcile.PlanItem;

import java.time.Instant;

/**
 * The HR events a reconcile applies its JOIN, MOVE and LEAVE items as: dated at the snapshot's as-of, with the
 * deterministic id {@code reconcile:<as-of>:<employeeId>}, so that re-running the same snapshot is a DUPLICATE and a
 * later HR event wins (ledger ordering).
 */
final class ReconcileEvents {

    static final String PREFIX = "reconcile:";
    /** The detail-type an adoption's audit record carries (it is not an HR event). */
    static final String ADOPTED = "Directory User Adopted";

    private ReconcileEvents() {
    }

    static String eventId(Instant asOf, String employeeId) {
        return PREFIX + asOf + ":" + employeeId;
    }

    /** The event that applies {@code item} (an ADOPT is followed by a MOVE). */
    static HrEvent of(PlanItem item, Instant asOf) {
        EventKind kind = switch (item.action()) {
            case JOIN -> EventKind.JOINED;
            case MOVE, ADOPT -> EventKind.MOVED;
            case LEAVE -> EventKind.LEFT;
            default -> throw new IllegalArgumentException(item.action() + " is applied by no event");
        };
        String id = eventId(asOf, item.employeeId());
        return new HrEvent(id, id, kind, item.employeeId(), asOf, kind == EventKind.LEFT ? null : item.employee(),
                item.userName(), kind == EventKind.LEFT ? item.reason() : null);
    }
}
