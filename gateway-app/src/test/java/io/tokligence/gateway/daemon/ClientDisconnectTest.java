package io.tokligence.gateway.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDisconnectTest {
    @TempDir
    Path dir;

    @Test
    void aClientThatLeavesMidStreamIsRecordedWithStatus499() throws Exception {
        try (TestGateway gateway = TestGateway.start(dir, Map.of("loopback_stream_delay_ms", "100"))) {
            String body = TestGateway.chat("loopback", "a b c d e f g h i j k l m n o p", true);
            URI base = URI.create(gateway.server.url());
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + gateway.adminToken
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] start = new byte[64];
                assertThat(in.read(start)).isPositive();
            }
            JsonNode entry = null;
            for (int attempt = 0; attempt < 100 && entry == null; attempt++) {
                JsonNode entries = TestGateway.json(gateway.get("/api/v1/admin/ledger/entries?model=loopback", gateway.adminToken));
                if (entries.path("total").asLong() > 0) {
                    entry = entries.path("entries").get(0);
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(entry).as("ledger entry of the abandoned stream").isNotNull();
            assertThat(entry.path("status").asInt()).isEqualTo(499);
        }
    }
}
