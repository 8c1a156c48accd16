package io.tokligence.gateway.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Numbered schema migrations, applied once each at open and recorded in {@code schema_migrations}. Migration 1
 * is the Go gateway's schema ({@code IF NOT EXISTS}, so its databases open unchanged); later ones only add.
 */
final class Migrations {

    private record Migration(int version, String name, Step step) {
    }

    @FunctionalInterface
    private interface Step {
        void apply(Connection connection, Dialect dialect) throws SQLException;
    }

    private static final List<Migration> ALL = List.of(
            new Migration(1, "go gateway schema", Migrations::goSchema),
            new Migration(2, "ledger model, cost, status, latency; key revocation", Migrations::ledgerDetails));

    private Migrations() {
    }

    /** Applies the missing migrations in one transaction. */
    static void run(ConnectionPool pool, Dialect dialect) {
        pool.transaction("migrating the database schema", connection -> {
            dialect.lockForMigration(connection);
            execute(connection, dialect.ddl("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                    + " name TEXT NOT NULL, applied_at {timestamp} NOT NULL)"));
            Set<Integer> applied = applied(connection);
            for (Migration migration : ALL) {
                if (applied.contains(migration.version())) {
                    continue;
                }
                migration.step().apply(connection, dialect);
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.name());
                    dialect.setInstant(insert, 3, Instant.now());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static Set<Integer> applied(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_migrations")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static void goSchema(Connection connection, Dialect dialect) throws SQLException {
        execute(connection, dialect.ddl("CREATE TABLE IF NOT EXISTS users (id {id}, uuid TEXT NOT NULL,"
                + " email TEXT NOT NULL UNIQUE, role TEXT NOT NULL, display_name TEXT,"
                + " status TEXT NOT NULL DEFAULT 'active', created_at {timestamp} NOT NULL,"
                + " updated_at {timestamp} NOT NULL, deleted_at {timestamp})"));
        execute(connection, dialect.ddl("CREATE TABLE IF NOT EXISTS api_keys (id {id}, uuid TEXT NOT NULL,"
                + " user_id {bigint} NOT NULL REFERENCES users(id), key_hash TEXT NOT NULL UNIQUE,"
                + " key_prefix TEXT NOT NULL, scopes TEXT, expires_at {timestamp}, created_at {timestamp} NOT NULL,"
                + " updated_at {timestamp} NOT NULL, deleted_at {timestamp})"));
        execute(connection, dialect.ddl("CREATE TABLE IF NOT EXISTS usage_entries (id {id}, uuid TEXT NOT NULL,"
                + " user_id {bigint} NOT NULL REFERENCES users(id), api_key_id {bigint} REFERENCES api_keys(id),"
                + " service_id {bigint}, prompt_tokens {bigint} NOT NULL DEFAULT 0,"
                + " completion_tokens {bigint} NOT NULL DEFAULT 0, direction TEXT NOT NULL, memo TEXT,"
                + " created_at {timestamp} NOT NULL)"));
    }

    private static void ledgerDetails(Connection connection, Dialect dialect) throws SQLException {
        addColumnIfMissing(connection, dialect, "api_keys", "revoked_at", "{timestamp}");
        addColumnIfMissing(connection, dialect, "usage_entries", "model", "TEXT");
        addColumnIfMissing(connection, dialect, "usage_entries", "cost", "{decimal}");
        addColumnIfMissing(connection, dialect, "usage_entries", "status", "INTEGER");
        addColumnIfMissing(connection, dialect, "usage_entries", "latency_ms", "{bigint}");
        execute(connection, "CREATE INDEX IF NOT EXISTS idx_api_keys_user ON api_keys (user_id)");
        execute(connection, "CREATE INDEX IF NOT EXISTS idx_usage_entries_created ON usage_entries (created_at)");
        execute(connection,
                "CREATE INDEX IF NOT EXISTS idx_usage_entries_user ON usage_entries (user_id, created_at)");
    }

    /** SQLite has no ADD COLUMN IF NOT EXISTS, and a Go database may already have been extended by hand. */
    private static void addColumnIfMissing(Connection connection, Dialect dialect, String table, String column,
                                           String type) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet columns = metaData.getColumns(null, connection.getSchema(), table, null)) {
            while (columns.next()) {
                if (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT).equals(column)) {
                    return;
                }
            }
        }
        execute(connection, dialect.ddl("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
