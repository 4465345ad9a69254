package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.domain.EmploymentStatus;
import io.github.jmlidentity.functions.domain.EventKind;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.functions.port.DirectoryFailure;
import io.github.jmlidentity.functions.port.EmployeeLedger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger in one DynamoDB table keyed by employeeId (S). Reads are strongly consistent and every write is
 * conditional on the version read, which is what makes duplicates and concurrent deliveries safe. The
 * mass-deletion guard keeps its sliding window in the same table, under a reserved key that no HR employeeId
 * can take ('#' is not allowed in one).
 */
public final class DynamoDbEmployeeLedger implements EmployeeLedger {

    static final String KEY = "employeeId";
    static final String GUARD_KEY = "#guard#leavers";
    private static final int GUARD_ATTEMPTS = 20;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbEmployeeLedger(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<LedgerEntry> find(String employeeId) {
        Map<String, AttributeValue> item = get(employeeId);
        return item == null ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public boolean put(LedgerEntry next, long expectedVersion) {
        return conditionalPut(toItem(next), expectedVersion, "record employee " + next.employeeId());
    }

    /**
     * The slots are a list of {at: epoch millis, eventId} maps in one item (older items hold bare numbers, which
     * still count). Idempotent per HR event: a retry of a leaver that already holds a slot in the window keeps it
     * rather than taking another one.
     */
    @Override
    public boolean reserveLeaverSlot(String hrEventId, Instant now, Duration window, int max) {
        for (int attempt = 0; attempt < GUARD_ATTEMPTS; attempt++) {
            Map<String, AttributeValue> item = get(GUARD_KEY);
            long version = item == null ? 0 : Long.parseLong(item.get("version").n());
            List<AttributeValue> slots = new ArrayList<>();
            if (item != null && item.containsKey("slots")) {
                long since = now.minus(window).toEpochMilli();
                for (AttributeValue slot : item.get("slots").l()) {
                    long at = Long.parseLong(slot.hasM() ? slot.m().get("at").n() : slot.n());
                    if (at <= since) {
                        continue;
                    }
                    if (slot.hasM() && slot.m().containsKey("eventId") && hrEventId.equals(slot.m().get("eventId").s())) {
                        return true;
                    }
                    slots.add(slot);
                }
            }
            if (slots.size() >= max) {
                return false;
            }
            slots.add(AttributeValue.fromM(Map.of(
                    "at", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                    "eventId", AttributeValue.fromS(hrEventId))));
            Map<String, AttributeValue> next = new HashMap<>();
            next.put(KEY, AttributeValue.fromS(GUARD_KEY));
            next.put("slots", AttributeValue.fromL(slots));
            next.put("version", AttributeValue.fromN(Long.toString(version + 1)));
            if (conditionalPut(next, version, "count a leaver against the mass-deletion guard")) {
                return true;
            }
        }
        throw new DirectoryFailure("LedgerContention", "the mass-deletion guard counter stayed contended after "
                + GUARD_ATTEMPTS + " attempts", true, null);
    }

    private Map<String, AttributeValue> get(String key) {
        try {
            var response = client.getItem(r -> r.tableName(table).consistentRead(true).overrideConfiguration(InvocationScope.requestOverrides())
                    .key(Map.of(KEY, AttributeValue.fromS(key))));
            return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, "read ledger " + table + " key " + key);
        }
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, long expectedVersion, String action) {
        try {
            if (expectedVersion == 0) {
                client.putItem(r -> r.tableName(table).item(item).overrideConfiguration(InvocationScope.requestOverrides())
                        .conditionExpression("attribute_not_exists(#k)")
                        .expressionAttributeNames(Map.of("#k", KEY)));
            } else {
                client.putItem(r -> r.tableName(table).item(item).overrideConfiguration(InvocationScope.requestOverrides())
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion)))));
            }
            return true;
        } catch (ConditionalCheckFailedException lostRace) {
            return false;
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, action + " in ledger " + table);
        }
    }

    static Map<String, AttributeValue> toItem(LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, AttributeValue.fromS(e.employeeId()));
        item.put("version", AttributeValue.fromN(Long.toString(e.version())));
        putS(item, "userId", e.userId());
        putS(item, "status", e.status() == null ? null : e.status().name());
        putS(item, "lastEventId", e.lastEventId());
        putS(item, "lastEffectiveAt", e.lastEffectiveAt() == null ? null : e.lastEffectiveAt().toString());
        putS(item, "leftAt", e.leftAt() == null ? null : e.leftAt().toString());
        putS(item, "lockOwner", e.lockOwner());
        putS(item, "lockExpiresAt", e.lockExpiresAt() == null ? null : e.lockExpiresAt().toString());
        putS(item, "lastEventKind", e.lastEventKind() == null ? null : e.lastEventKind().name());
        putS(item, "leaveEventId", e.leaveEventId());
        if (!e.membershipsBefore().isEmpty()) {
            item.put("membershipsBefore", AttributeValue.fromL(e.membershipsBefore().stream().map(AttributeValue::fromS).toList()));
        }
        if (!e.recentEventIds().isEmpty()) {
            item.put("recentEventIds", AttributeValue.fromL(e.recentEventIds().stream().map(AttributeValue::fromS).toList()));
        }
        return item;
    }

    static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        List<String> recent = item.containsKey("recentEventIds")
                ? item.get("recentEventIds").l().stream().map(AttributeValue::s).toList() : List.of();
        List<String> before = item.containsKey("membershipsBefore")
                ? item.get("membershipsBefore").l().stream().map(AttributeValue::s).toList() : List.of();
        String status = s(item, "status");
        String kind = s(item, "lastEventKind");
        return new LedgerEntry(s(item, KEY), s(item, "userId"),
                status == null ? null : EmploymentStatus.valueOf(status),
                s(item, "lastEventId"), instant(s(item, "lastEffectiveAt")), instant(s(item, "leftAt")), recent,
                Long.parseLong(item.get("version").n()), s(item, "lockOwner"), instant(s(item, "lockExpiresAt")),
                kind == null ? null : EventKind.valueOf(kind), s(item, "leaveEventId"), before);
    }

    private static void putS(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
