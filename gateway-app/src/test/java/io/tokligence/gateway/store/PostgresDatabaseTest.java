package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The store contract against a real PostgreSQL server: set {@code GATEWAY_TEST_POSTGRES_URL} to a
 * {@code jdbc:postgresql://host/db?user=..&password=..} URL of a database the test may wipe
 * ({@code .ci/install-deps.sh} starts one and exports it).
 */
class PostgresDatabaseTest extends DatabaseContract {

    static final String URL_VARIABLE = "GATEWAY_TEST_POSTGRES_URL";

    private String url;

    @Override
    String freshLedgerPath() throws Exception {
        url = System.getenv(URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set: PostgreSQL store tests skipped"
                + " (run .ci/install-deps.sh, or export a jdbc:postgresql:// URL of a scratch database)");
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS usage_entries, api_keys, users, schema_migrations CASCADE");
        }
        return url;
    }

    @Override
    String currentLedgerPath() {
        return url;
    }

    @Override
    String expectedKind() {
        return "postgresql";
    }

    @Test
    void opensLibpqStyleUrlsToo() {
        db.users().create("ada@example.com", User.GATEWAY_USER, "Ada");
        db.close();

        db = Database.open(url.substring("jdbc:".length()), clock);

        assertThat(db.kind()).isEqualTo("postgresql");
        assertThat(db.users().findByEmail("ada@example.com")).isPresent();
    }
}
