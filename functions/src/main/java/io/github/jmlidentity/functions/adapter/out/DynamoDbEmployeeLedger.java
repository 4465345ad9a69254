package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.functions.application.port.out.EmployeeLedger;
import io.github.jmlidentity.functions.domain.LedgerEntry;
import io.github.jmlidentity.identitycenter.DirectoryFailure.Kind;
import io.github.jmlidentity.identitycenter.DirectoryFailure;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
public record DynamoDbEmployeeLedger(DynamoDbClient client, String table) implements EmployeeLedger {

    static final String KEY = LedgerEntryFields.EMPLOYEE_ID;
    static final String GUARD_KEY = "#guard#leavers";
    private static final int GUARD_ATTEMPTS = 20;

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
        throw new DirectoryFailure(Kind.CONCURRENT_MODIFICATION, "LedgerContention",
                "the mass-deletion guard counter stayed contended after " + GUARD_ATTEMPTS + " attempts", true);
    }

    /** A Scan of the key and the user id only, page by page (1 MB each), skipping the guard's item. */
    @Override
    public void forEachLinkedUser(java.util.function.BiConsumer<String, String> employeeIdAndUserId) {
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            var page = scanPage(from);
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue userId = item.get(LedgerEntryFields.USER_ID);
                String employeeId = item.get(KEY).s();
                if (userId != null && userId.s() != null && !GUARD_KEY.equals(employeeId)) {
                    employeeIdAndUserId.accept(employeeId, userId.s());
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
    }

    private software.amazon.awssdk.services.dynamodb.model.ScanResponse scanPage(Map<String, AttributeValue> startKey) {
        try {
            return client.scan(r -> r.tableName(table).consistentRead(true)
                    .projectionExpression("#k, #u")
                    .expressionAttributeNames(Map.of("#k", KEY, "#u", LedgerEntryFields.USER_ID))
                    .exclusiveStartKey(startKey)
                    .overrideConfiguration(InvocationScope.requestOverrides()));
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, "scan ledger " + table);
        }
    }

    private Map<String, AttributeValue> get(String key) {
        return LedgerTableItems.get(client, table, key, "read ledger " + table + " key " + key);
    }

    private boolean conditionalPut(Map<String, AttributeValue> item, long expectedVersion, String action) {
        return LedgerTableItems.put(client, table, item, expectedVersion, action + " in ledger " + table);
    }

    /** The stored fields as DynamoDB attributes: absent values and empty lists are left out. */
    static Map<String, AttributeValue> toItem(LedgerEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        LedgerEntryFields.of(e).forEach((name, value) -> {
            if (value instanceof String text) {
                item.put(name, AttributeValue.fromS(text));
            } else if (value instanceof Long number) {
                item.put(name, AttributeValue.fromN(Long.toString(number)));
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                item.put(name, AttributeValue.fromL(list.stream().map(v -> AttributeValue.fromS((String) v)).toList()));
            }
        });
        return item;
    }

    static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        Map<String, Object> fields = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                fields.put(name, value.s());
            } else if (value.n() != null) {
                fields.put(name, Long.parseLong(value.n()));
            } else if (value.hasL()) {
                fields.put(name, value.l().stream().map(AttributeValue::s).toList());
            }
        });
        return LedgerEntryFields.entry(fields);
    }
}
