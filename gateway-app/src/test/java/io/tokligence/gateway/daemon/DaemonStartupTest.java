package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonStartupTest {
    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void aBusyPortIsReportedWithTheFix() throws Exception {
        try (TestGateway running = TestGateway.start(first, Map.of())) {
            int port = URI.create(running.server.url()).getPort();
            assertThatThrownBy(() -> TestGateway.start(second, Map.of("listen", "127.0.0.1:" + port)))
                    .isInstanceOf(BindException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("--listen");
        }
    }

    @Test
    void malformedRoutesAreRefusedBeforeListening() {
        assertThatThrownBy(() -> TestGateway.start(first, Map.of("model_provider_routes", "gpt*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model_provider_routes");
        assertThatThrownBy(() -> TestGateway.start(second, Map.of("listen", "localhost")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listen");
    }
}
