package io.github.jmlidentity.infra;

import java.util.List;

import io.github.jmlidentity.contract.LedgerTable;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * The employee ledger: employeeId → userId, last applied event and status, written with conditional
 * writes for idempotency and ordering; the mass-deletion guard keeps its counters here too, and so do the
 * scheduled (future-dated) changes, one item per employee, with a sparse index by due time that the scheduler
 * queries (contract: LedgerTable).
 * It is the only record of which HR employee owns which Identity Store user, so it survives stack
 * deletion and cannot be dropped by accident.
 */
public final class EmployeeLedgerTable extends Construct {

    /** Partition key, fixed by the contract. */
    public static final String PARTITION_KEY = LedgerTable.PARTITION_KEY;

    /**
     * Exactly the item operations functions/ DynamoDbEmployeeLedger performs: consistent reads and
     * conditional puts (ledger entries and the mass-deletion guard counter alike). Add an action here
     * when the ledger adapter starts calling it.
     */
    static final List<String> DATA_ACTIONS = List.of(
            "dynamodb:GetItem",
            "dynamodb:PutItem");

    /** @param removalPolicy RETAIN for real deployments; tests may pass DESTROY */
    public record Props(RemovalPolicy removalPolicy) {
        public static Props defaults() {
            return new Props(RemovalPolicy.RETAIN);
        }
    }

    private final Table table;

    public EmployeeLedgerTable(Construct scope, String id, Props props) {
        super(scope, id);
        this.table = Table.Builder.create(this, "Table")
                .partitionKey(Attribute.builder().name(PARTITION_KEY).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .encryption(TableEncryption.AWS_MANAGED)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .deletionProtection(true)
                .removalPolicy(props.removalPolicy())
                .build();
        // Only items with an open scheduled change carry these keys: the index holds exactly what is pending, and
        // the scheduler reads the keys only (it then reads each employee's item consistently).
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(LedgerTable.DUE_INDEX)
                .partitionKey(Attribute.builder().name(LedgerTable.DUE_INDEX_PARTITION_KEY).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(LedgerTable.DUE_INDEX_SORT_KEY).type(AttributeType.NUMBER).build())
                .projectionType(ProjectionType.KEYS_ONLY)
                .build());
    }

    public ITable table() {
        return table;
    }

    /**
     * The reconcile function's paged Scan of the ledger (the employee ↔ user links, projected): only that function
     * scans, so only its role gets this.
     */
    public PolicyStatement scanStatement() {
        return PolicyStatement.Builder.create()
                .sid("EmployeeLedgerScan")
                .effect(Effect.ALLOW)
                .actions(List.of("dynamodb:Scan"))
                .resources(List.of(table.getTableArn()))
                .build();
    }

    /**
     * Query on the due index, and nothing else of the index: the scheduler's (what is due), and the reconcile
     * function's (which employees have a scheduled change open).
     */
    public PolicyStatement dueIndexQueryStatement() {
        return PolicyStatement.Builder.create()
                .sid("ScheduledChangesDueIndex")
                .effect(Effect.ALLOW)
                .actions(List.of("dynamodb:Query"))
                .resources(List.of(table.getTableArn() + "/index/" + LedgerTable.DUE_INDEX))
                .build();
    }

    /** Read/write access to this table's items only: no scans, no table management. */
    public PolicyStatement dataAccessStatement() {
        return PolicyStatement.Builder.create()
                .sid("EmployeeLedger")
                .effect(Effect.ALLOW)
                .actions(DATA_ACTIONS)
                .resources(List.of(table.getTableArn()))
                .build();
    }
}
