package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleHintTest {
    @TempDir
    Path dir;

    @Test
    void withoutABundleTheRootExplainsInsteadOfFailing() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, Map.of())) {
            HttpResponse<String> root = gateway.get("/", null);
            assertThat(root.statusCode()).isEqualTo(200);
            assertThat(TestGateway.json(root).path("message").asText()).contains("frontend_dir");
            assertThat(gateway.get("/h5/", null).statusCode()).isEqualTo(200);
            assertThat(gateway.get("/favicon.ico", null).statusCode()).isEqualTo(404);
        }
    }
}
