package io.tokligence.gateway.daemon;

import static io.tokligence.gateway.daemon.TestGateway.chat;
import static io.tokligence.gateway.daemon.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gatewayd on PostgreSQL (the scale-out setup) when {@code GATEWAY_TEST_POSTGRES_URL} names a scratch database
 * ({@code .ci/install-deps.sh} starts one). Runs in its own schema so the store tests' wipes do not interfere.
 */
class PostgresGatewayTest {
    private static final String SCHEMA = "gatewayd_test";

    @TempDir
    Path dir;

    @Test
    void chatRequestsAreRecordedInPostgres() throws Exception {
        String url = System.getenv("GATEWAY_TEST_POSTGRES_URL");
        assumeTrue(url != null && !url.isBlank(), "GATEWAY_TEST_POSTGRES_URL is not set: gatewayd-on-PostgreSQL test skipped"
                + " (run .ci/install-deps.sh, or export a jdbc:postgresql:// URL of a scratch database)");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        String ledger = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        try (TestGateway gateway = TestGateway.start(dir, Map.of("ledger_path", ledger))) {
            assertThat(json(gateway.get("/health", null)).path("database").asText()).isEqualTo("postgresql");
            assertThat(gateway.post("/v1/chat/completions", gateway.adminToken, chat("loopback", "on postgres", false)).statusCode())
                    .isEqualTo(200);
            JsonNode rows = json(gateway.get("/api/v1/admin/ledger/summary", gateway.adminToken)).path("rows");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).path("requests").asLong()).isEqualTo(1);
            // prompt "be brief" + "on postgres" = 4, completion "echo: on postgres" = 3 → 7 tokens at 0.50/1k
            assertThat(rows.get(0).path("cost").decimalValue()).isEqualByComparingTo("0.0035");
        }
    }
}
