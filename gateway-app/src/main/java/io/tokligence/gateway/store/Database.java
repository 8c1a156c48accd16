package io.tokligence.gateway.store;

import java.time.Clock;

/**
 * The gateway's users, API keys and token ledger in SQLite (a file, the default) or PostgreSQL (several gatewayd
 * instances sharing one server). Thread-safe; migrations run at open.
 */
public final class Database implements AutoCloseable {

    private static final int POSTGRES_CONNECTIONS = 4;

    private final Dialect dialect;
    private final ConnectionPool pool;
    private final UserStore users;
    private final ApiKeyStore apiKeys;
    private final LedgerStore ledger;

    private Database(Dialect dialect, ConnectionPool pool, Clock clock) {
        this.dialect = dialect;
        this.pool = pool;
        this.users = new UserStore(pool, dialect, clock);
        this.apiKeys = new ApiKeyStore(pool, dialect, clock, users);
        this.ledger = new LedgerStore(pool, dialect, clock);
    }

    /**
     * Opens (creating when needed) the database {@code ledger_path} names: a SQLite file path (parent directories
     * created, {@code ~} expanded) or a {@code jdbc:postgresql:}, {@code postgres://} or {@code postgresql://} URL.
     *
     * @throws StoreException when the path or URL is unusable or the server refuses the connection
     */
    public static Database open(String ledgerPath) {
        return open(ledgerPath, Clock.systemUTC());
    }

    /** With the clock that stamps created/revoked times (tests move it to exercise date filters and expiry). */
    static Database open(String ledgerPath, Clock clock) {
        DatabaseTarget target = DatabaseTarget.parse(ledgerPath);
        int size = target.dialect() == Dialect.POSTGRESQL ? POSTGRES_CONNECTIONS : 1;
        ConnectionPool pool = new ConnectionPool(target, size);
        try {
            Migrations.run(pool, target.dialect());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(target.dialect(), pool, clock);
    }

    /** {@code sqlite} or {@code postgresql}. */
    public String kind() {
        return dialect.kind();
    }

    public UserStore users() {
        return users;
    }

    public ApiKeyStore apiKeys() {
        return apiKeys;
    }

    public LedgerStore ledger() {
        return ledger;
    }

    @Override
    public void close() {
        pool.close();
    }
}
