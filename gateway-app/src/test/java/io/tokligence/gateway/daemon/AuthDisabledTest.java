package io.tokligence.gateway.daemon;

import static io.tokligence.gateway.daemon.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthDisabledTest {
    @TempDir
    Path dir;

    @Test
    void requestsWithoutAKeyActAsTheRootAdminIncludingAdminRoutes() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, Map.of("auth_disabled", "true"))) {
            HttpResponse<String> profile = gateway.get("/api/v1/profile", null);
            assertThat(profile.statusCode()).isEqualTo(200);
            assertThat(json(profile).path("email").asText()).isEqualTo("root@example.com");
            assertThat(json(profile).path("role").asText()).isEqualTo("root_admin");
            HttpResponse<String> users = gateway.get("/api/v1/admin/users", null);
            assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
            assertThat(gateway.post("/v1/chat/completions", null, TestGateway.chat("loopback", "open", false)).statusCode())
                    .isEqualTo(200);
            assertThat(json(gateway.get("/api/v1/admin/ledger/entries", null)).path("entries").get(0).path("api_key_id").isNull())
                    .isTrue();
            // A key that is sent is still checked.
            assertThat(gateway.get("/api/v1/profile", "tok_bogus").statusCode()).isEqualTo(401);
        }
    }
}
