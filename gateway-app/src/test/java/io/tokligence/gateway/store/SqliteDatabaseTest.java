package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest extends DatabaseContract {

    @TempDir
    Path dir;

    private String path;

    @Override
    String freshLedgerPath() {
        path = dir.resolve("nested/data/ledger.db").toString();
        return path;
    }

    @Override
    String currentLedgerPath() {
        return path;
    }

    @Override
    String expectedKind() {
        return "sqlite";
    }

    @Test
    void createsParentDirectoriesAndUsesWal() throws Exception {
        assertThat(Path.of(path)).isRegularFile();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void createsTheGoCompatibleSchemaAndRecordsMigrations() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path);
             Statement statement = connection.createStatement()) {
            assertThat(columns(statement, "users")).containsExactly("id", "uuid", "email", "role", "display_name",
                    "status", "created_at", "updated_at", "deleted_at");
            assertThat(columns(statement, "api_keys")).containsExactly("id", "uuid", "user_id", "key_hash",
                    "key_prefix", "scopes", "expires_at", "created_at", "updated_at", "deleted_at", "revoked_at");
            assertThat(columns(statement, "usage_entries")).containsExactly("id", "uuid", "user_id", "api_key_id",
                    "service_id", "prompt_tokens", "completion_tokens", "direction", "memo", "created_at", "model",
                    "cost", "status", "latency_ms");
            try (ResultSet rows = statement.executeQuery("SELECT version FROM schema_migrations ORDER BY version")) {
                List<Integer> versions = new ArrayList<>();
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
                assertThat(versions).containsExactly(1, 2);
            }
        }
    }

    @Test
    void opensADatabaseTheGoGatewayCreated() throws Exception {
        db.close();
        Path goDb = dir.resolve("go.db");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + goDb);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT, email TEXT"
                    + " UNIQUE, role TEXT, display_name TEXT, status TEXT, created_at DATETIME, updated_at DATETIME,"
                    + " deleted_at DATETIME)");
            statement.execute("CREATE TABLE api_keys (id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT, user_id"
                    + " INTEGER, key_hash TEXT UNIQUE, key_prefix TEXT, scopes TEXT, expires_at DATETIME,"
                    + " created_at DATETIME, updated_at DATETIME, deleted_at DATETIME)");
            statement.execute("INSERT INTO users (uuid, email, role, display_name, status, created_at, updated_at)"
                    + " VALUES ('u-1', 'go@example.com', 'gateway_admin', 'Go', 'active',"
                    + " '2025-01-02 03:04:05.123456789+00:00', '2025-01-02 03:04:05+00:00')");
            statement.execute("INSERT INTO api_keys (uuid, user_id, key_hash, key_prefix, scopes, created_at,"
                    + " updated_at, deleted_at) VALUES ('k-1', 1, 'abc', 'tok_abcdefgh', '', '2025-01-02 03:04:05',"
                    + " '2025-01-02 03:04:05', '2025-02-01 00:00:00')");
        }

        db = Database.open(goDb.toString(), clock);

        User go = db.users().findByEmail("go@example.com").orElseThrow();
        assertThat(go.createdAt()).isEqualTo("2025-01-02T03:04:05.123456789Z");
        ApiKey deletedByGo = db.apiKeys().list(go.id()).get(0);
        assertThat(deletedByGo.status()).isEqualTo("revoked");
        assertThat(deletedByGo.revokedAt()).isEqualTo("2025-02-01T00:00:00Z");
    }

    @Test
    void acceptsJdbcSqliteUrlsAndRejectsOtherDatabases() {
        db.close();
        db = Database.open("jdbc:sqlite:" + dir.resolve("via-url.db"), clock);
        assertThat(Files.exists(dir.resolve("via-url.db"))).isTrue();

        assertThatThrownBy(() -> Database.open("jdbc:mysql://localhost/ledger"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("names an unsupported database");
        assertThatThrownBy(() -> Database.open(" "))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("ledger_path is empty");
    }

    @Test
    void unreachablePostgresIsAStoreErrorWithoutThePassword() {
        assertThatThrownBy(() -> Database.open("postgres://gw:s3cret@127.0.0.1:1/ledger?connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the database jdbc:postgresql://127.0.0.1:1/ledger")
                .hasMessageNotContaining("s3cret");
    }

    private static List<String> columns(Statement statement, String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }
}
