package io.github.jmlidentity.functions.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Per HR event of one employee, how many deliveries took the lease and what the failed ones did: the attempt number
 * of each audit record, and what an event's final record reports of earlier attempts (e.g. that attempt 1 created the
 * user), even when another event of the employee was applied between two attempts. The most recent
 * {@value #KEPT} events are kept; an event's changes are dropped once its final record is out, its count is kept.
 *
 * <p>Stored as text, one line per event: the HR event id, the count, and the changes (fields separated by U+001F,
 * list items by U+001E, which no group name or attribute path holds), Base64url-encoded.
 */
public record AttemptLog(List<String> lines) {

    static final int KEPT = 20;
    private static final String FIELD = "\u001F";
    private static final String ITEM = "\u001E";

    public static final AttemptLog EMPTY = new AttemptLog(List.of());

    public AttemptLog {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    public int attemptsOf(String hrEventId) {
        return find(hrEventId).map(Entry::attempts).orElse(0);
    }

    public AppliedChanges carriedOf(String hrEventId) {
        return find(hrEventId).map(Entry::carried).orElse(AppliedChanges.NONE);
    }

    /** One more delivery of {@code hrEventId} took the lease. */
    public AttemptLog started(String hrEventId) {
        Entry e = find(hrEventId).orElse(new Entry(hrEventId, 0, AppliedChanges.NONE));
        return with(new Entry(hrEventId, e.attempts() + 1, e.carried()));
    }

    /** What the deliveries of {@code hrEventId} have done so far. */
    public AttemptLog carrying(String hrEventId, AppliedChanges soFar) {
        Entry e = find(hrEventId).orElse(new Entry(hrEventId, 1, AppliedChanges.NONE));
        return with(new Entry(hrEventId, e.attempts(), soFar));
    }

    /** The event's final record says what it did: keep only its count. */
    public AttemptLog finished(String hrEventId) {
        return find(hrEventId).map(e -> with(new Entry(hrEventId, e.attempts(), AppliedChanges.NONE))).orElse(this);
    }

    private AttemptLog with(Entry entry) {
        List<String> next = new ArrayList<>();
        for (String line : lines) {
            if (!decode(line).map(e -> e.hrEventId().equals(entry.hrEventId())).orElse(false)) {
                next.add(line);
            }
        }
        next.add(entry.encode());
        while (next.size() > KEPT) {
            next.remove(0);
        }
        return new AttemptLog(next);
    }

    private Optional<Entry> find(String hrEventId) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<Entry> e = decode(lines.get(i));
            if (e.isPresent() && e.get().hrEventId().equals(hrEventId)) {
                return e;
            }
        }
        return Optional.empty();
    }

    private record Entry(String hrEventId, int attempts, AppliedChanges carried) {

        String encode() {
            String changes = String.join(FIELD, String.join(ITEM, carried.attributesChanged()),
                    String.join(ITEM, carried.groupsAdded()), String.join(ITEM, carried.groupsRemoved()),
                    Boolean.toString(carried.userDeleted()), String.join(ITEM, carried.membershipsBefore()),
                    carried.userCreatedByAttempt() == null ? "" : carried.userCreatedByAttempt().toString(),
                    String.join(ITEM, carried.assignmentsRemoved().stream()
                            .map(a -> a.accountId() + " " + a.permissionSetArn()).toList()));
            return hrEventId + " " + attempts + " " + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(changes.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Optional<Entry> decode(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String[] f = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8).split(FIELD, -1);
            AppliedChanges carried = f.length < 6 ? AppliedChanges.NONE : new AppliedChanges(items(f[0]), items(f[1]),
                    items(f[2]), Boolean.parseBoolean(f[3]), items(f[4]), f[5].isEmpty() ? null : Integer.valueOf(f[5]),
                    f.length < 7 ? List.of() : assignments(items(f[6])));
            return Optional.of(new Entry(parts[0], Integer.parseInt(parts[1]), carried));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** "accountId permissionSetArn" items (neither holds a space). */
    static List<DirectAssignment> assignments(List<String> items) {
        List<DirectAssignment> assignments = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.split(" ", 2);
            if (parts.length == 2) {
                assignments.add(new DirectAssignment(parts[0], parts[1]));
            }
        }
        return assignments;
    }

    private static List<String> items(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(ITEM, -1));
    }
}
