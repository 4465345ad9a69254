package io.github.jmlidentity.functions.adapter.out;

import io.github.jmlidentity.contract.LedgerTable;
import io.github.jmlidentity.identitycenter.sdk.ExceptionTranslator;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Map;

/**
 * The ledger table's versioned items, as both the ledger and the scheduled changes keep theirs: read consistently,
 * written only over the version read (0: none yet), within the invocation's time left.
 */
final class LedgerTableItems {

    private static final String KEY = LedgerTable.PARTITION_KEY;

    private LedgerTableItems() {
    }

    /** The item under {@code key}, or null. */
    static Map<String, AttributeValue> get(DynamoDbClient client, String table, String key, String action) {
        try {
            var response = client.getItem(r -> r.tableName(table).consistentRead(true)
                    .overrideConfiguration(InvocationScope.requestOverrides())
                    .key(Map.of(KEY, AttributeValue.fromS(key))));
            return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
        } catch (SdkException e) {
            throw ExceptionTranslator.translate(e, action);
        }
    }

    /** Writes {@code item} if the stored one is still at {@code expectedVersion}; false if another write came first. */
    static boolean put(DynamoDbClient client, String table, Map<String, AttributeValue> item, long expectedVersion,
                       String action) {
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
            throw ExceptionTranslator.translate(e, action);
        }
    }
}
