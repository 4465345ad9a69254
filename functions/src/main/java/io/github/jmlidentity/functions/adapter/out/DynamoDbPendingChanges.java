package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.contract.LedgerTable;
import io.github.jmlidentity.functions.application.port.out.PendingChanges;
import io.github.jmlidentity.functions.domain.EmployeeSchedule;
import io.github.jmlidentity.functions.domain.ScheduledChange;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled changes in the ledger table: one item per employee, keyed {@value #KEY_PREFIX} + employeeId (an HR
 * employee id holds no '#', so no ledger entry can collide), read consistently and written conditionally on its
 * version. An item with an open change carries the due index's keys (see the contract's LedgerTable); the others do
 * not, so "what is due by T" is a Query of the index, not a Scan of the table.
 */
public record DynamoDbPendingChanges(DynamoDbClient client, String table) implements PendingChanges {

    static final String KEY_PREFIX = "#schedule#";
    private static final String KEY = LedgerTable.PARTITION_KEY;

    @Override
    public Optional<EmployeeSchedule> find(String employeeId) {
        Map<String, AttributeValue> item = LedgerTableItems.get(client, table, KEY_PREFIX + employeeId,
                "read the schedule of employee " + employeeId + " in " + table);
        return item == null ? Optional.empty() : Optional.of(fromItem(employeeId, item));
    }

    @Override
    public boolean put(EmployeeSchedule next, long expectedVersion) {
        return LedgerTableItems.put(client, table, toItem(next), expectedVersion,
                "write the schedule of employee " + next.employeeId() + " in " + table);
    }

    @Override
    public List<Due> due(Instant until, Due after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":shard", AttributeValue.fromS(LedgerTable.DUE_SHARD));
        String condition = "#shard = :shard";
        if (until != null) {
            condition += " AND #due <= :until";
            values.put(":until", AttributeValue.fromN(Long.toString(until.toEpochMilli())));
        }
        Map<String, AttributeValue> start = after == null ? null : Map.of(
                KEY, AttributeValue.fromS(KEY_PREFIX + after.employeeId()),
                LedgerTable.DUE_INDEX_PARTITION_KEY, AttributeValue.fromS(LedgerTable.DUE_SHARD),
                LedgerTable.DUE_INDEX_SORT_KEY, AttributeValue.fromN(Long.toString(after.dueAt().toEpochMilli())));
        String keyCondition = condition;
        List<Due> due = new ArrayList<>();
        try {
            Map<String, AttributeValue> from = start;
            do {
                Map<String, AttributeValue> exclusiveStart = from;
                int want = limit - due.size();
                QueryResponse page = client.query(r -> r.tableName(table).indexName(LedgerTable.DUE_INDEX)
                        .overrideConfiguration(InvocationScope.requestOverrides())
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(until == null
                                ? Map.of("#shard", LedgerTable.DUE_INDEX_PARTITION_KEY)
                                : Map.of("#shard", LedgerTable.DUE_INDEX_PARTITION_KEY, "#due", LedgerTable.DUE_INDEX_SORT_KEY))
                        .expressionAttributeValues(values)
                        .exclusiveStartKey(exclusiveStart)
                        .limit(want));
                for (Map<String, AttributeValue> item : page.items()) {
                    due.add(new Due(item.get(KEY).s().substring(KEY_PREFIX.length()),
                            Instant.ofEpochMilli(Long.parseLong(item.get(LedgerTable.DUE_INDEX_SORT_KEY).n()))));
                }
                from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (from != null && due.size() < limit);
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, "query the due changes in " + table);
        }
        return due;
    }

    /** The item: the key, the version, every change as a map of text, and the index keys while a change is open. */
    static Map<String, AttributeValue> toItem(EmployeeSchedule schedule) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, AttributeValue.fromS(KEY_PREFIX + schedule.employeeId()));
        item.put("version", AttributeValue.fromN(Long.toString(schedule.version())));
        List<AttributeValue> changes = new ArrayList<>();
        for (ScheduledChange change : schedule.changes()) {
            Map<String, AttributeValue> fields = new LinkedHashMap<>();
            ScheduledChangeFields.of(change).forEach((name, value) -> {
                if (value != null) {
                    fields.put(name, AttributeValue.fromS(value));
                }
            });
            changes.add(AttributeValue.fromM(fields));
        }
        item.put("changes", AttributeValue.fromL(changes));
        schedule.nextDueAt().ifPresent(dueAt -> {
            item.put(LedgerTable.DUE_INDEX_PARTITION_KEY, AttributeValue.fromS(LedgerTable.DUE_SHARD));
            item.put(LedgerTable.DUE_INDEX_SORT_KEY, AttributeValue.fromN(Long.toString(dueAt.toEpochMilli())));
        });
        return item;
    }

    static EmployeeSchedule fromItem(String employeeId, Map<String, AttributeValue> item) {
        List<ScheduledChange> changes = new ArrayList<>();
        if (item.containsKey("changes")) {
            for (AttributeValue change : item.get("changes").l()) {
                Map<String, String> fields = new HashMap<>();
                change.m().forEach((name, value) -> fields.put(name, value.s()));
                changes.add(ScheduledChangeFields.change(fields));
            }
        }
        return new EmployeeSchedule(employeeId, changes, Long.parseLong(item.get("version").n()));
    }
}
