package io.github.jmlidentity.contract;

/**
 * The employee ledger table's schema, as the CDK app creates it and the functions use it: the partition key, and the
 * sparse index of scheduled changes by due time. Each employee's scheduled changes are one item of the same table
 * (under a reserved key that no HR employee id can take); only an item with an open change carries the index's keys,
 * so the index holds exactly what is pending.
 */
public final class LedgerTable {

    /** The table's partition key (S). */
    public static final String PARTITION_KEY = "employeeId";
    /** The index of scheduled changes by due time. */
    public static final String DUE_INDEX = "due";
    /**
     * The index's partition key (S): one constant value for every pending item. One partition of the index is enough:
     * the index is written at the rate HR events arrive and read by one scheduler, far below a partition's 1,000
     * writes and 3,000 reads per second, and what is due is drained at the Identity Store's ~20 requests per second.
     */
    public static final String DUE_INDEX_PARTITION_KEY = "dueShard";
    /** The one value of {@link #DUE_INDEX_PARTITION_KEY}. */
    public static final String DUE_SHARD = "pending";
    /** The index's sort key (N): when the item's earliest open change is due, in epoch milliseconds. */
    public static final String DUE_INDEX_SORT_KEY = "dueAtMillis";

    private LedgerTable() {
    }
}
