package io.tokligence.gateway.store;

/**
 * A ledger filter. All filters are optional (null).
 *
 * @param from   inclusive lower bound on {@code created_at}
 * @param to     exclusive upper bound on {@code created_at}
 * @param limit  at most this many rows; 0 or less means no limit
 * @param offset rows to skip (newest first)
 */
public record LedgerQuery(java.time.Instant from, java.time.Instant to, Long userId, String model, int limit,
                          int offset) {

    public LedgerQuery {
        if (offset < 0) {
            throw new StoreException("offset must be 0 or more, got " + offset);
        }
    }

    /** Everything, no paging. */
    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, 0, 0);
    }
}
