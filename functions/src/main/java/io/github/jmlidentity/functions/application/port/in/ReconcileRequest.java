package io.github.jmlidentity.functions.application.port.in;

import io.github.jmlidentity.functions.domain.reconcile.AdoptionRule;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One reconcile.
 *
 * @param roster     where the roster is (a file path, or s3://bucket/key)
 * @param asOf       when the snapshot was taken; null: as its source says, else now. Every change made from it is
 *                   dated then, so a later HR event wins
 * @param apply      carry the plan out (false: plan only)
 * @param adoption   whether and how users without employeeNumber are adopted
 * @param maxLeavers the most leavers one reconcile applies; more and none is (null: the rules' mass-deletion cap)
 * @param progress   progress lines for long runs (stderr, a log)
 */
public record ReconcileRequest(String roster, Instant asOf, boolean apply, AdoptionRule adoption, Integer maxLeavers,
                               Consumer<String> progress) {

    public ReconcileRequest {
        Objects.requireNonNull(roster, "roster");
        adoption = adoption == null ? AdoptionRule.OFF : adoption;
        progress = progress == null ? line -> { } : progress;
        if (maxLeavers != null && maxLeavers < 0) {
            throw new IllegalArgumentException("maxLeavers must be 0 or more, was " + maxLeavers);
        }
    }

    /** A plan of {@code roster}, dated now, no adoption. */
    public static ReconcileRequest plan(String roster) {
        return new ReconcileRequest(roster, null, false, AdoptionRule.OFF, null, null);
    }

    public ReconcileRequest asOf(Instant value) {
        return new ReconcileRequest(roster, value, apply, adoption, maxLeavers, progress);
    }

    public ReconcileRequest applying(boolean value) {
        return new ReconcileRequest(roster, asOf, value, adoption, maxLeavers, progress);
    }

    public ReconcileRequest adopting(AdoptionRule value) {
        return new ReconcileRequest(roster, asOf, apply, value, maxLeavers, progress);
    }

    public ReconcileRequest maxLeavers(Integer value) {
        return new ReconcileRequest(roster, asOf, apply, adoption, value, progress);
    }

    public ReconcileRequest progress(Consumer<String> value) {
        return new ReconcileRequest(roster, asOf, apply, adoption, maxLeavers, value);
    }
}
