package io.tokligence.gateway.daemon;

import static io.tokligence.gateway.daemon.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarketplaceExchangeTest {
    @TempDir
    Path dir;

    private static HttpServer exchange(String path, String body) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", http -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            boolean known = http.getRequestURI().getPath().equals(path);
            http.getResponseHeaders().set("Content-Type", "application/json");
            http.sendResponseHeaders(known ? 200 : 404, known ? bytes.length : -1);
            try (OutputStream out = http.getResponseBody()) {
                if (known) {
                    out.write(bytes);
                }
            }
        });
        server.start();
        return server;
    }

    @Test
    void offeringsComeFromTheExchangeServices() throws Exception {
        HttpServer server = exchange("/services", "{\"services\":[{\"id\":\"svc-1\",\"name\":\"GPT-4o via Acme\","
                + "\"provider\":\"acme\",\"model_family\":\"gpt-4o\",\"price_per_1k\":0.75,\"description\":\"fast\"}]}");
        try (TestGateway gateway = TestGateway.start(dir, Map.of("base_url", "http://127.0.0.1:" + server.getAddress().getPort()))) {
            JsonNode body = json(gateway.get("/api/v1/marketplace/offerings", gateway.adminToken));
            assertThat(body.path("source").asText()).isEqualTo("exchange");
            JsonNode offering = body.path("offerings").get(0);
            assertThat(offering.path("id").asText()).isEqualTo("svc-1");
            assertThat(offering.path("name").asText()).isEqualTo("GPT-4o via Acme");
            assertThat(offering.path("provider").asText()).isEqualTo("acme");
            assertThat(offering.path("model_family").asText()).isEqualTo("gpt-4o");
            assertThat(offering.path("price_per_1k").decimalValue()).isEqualByComparingTo("0.75");
            assertThat(offering.path("description").asText()).isEqualTo("fast");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void providersAreTheFallbackPath() throws Exception {
        HttpServer server = exchange("/providers", "[{\"provider_id\":\"p-9\",\"display_name\":\"Beta\",\"model_family\":\"llama\",\"price\":\"0.1\"}]");
        try (TestGateway gateway = TestGateway.start(dir, Map.of("base_url", "http://127.0.0.1:" + server.getAddress().getPort() + "/"))) {
            JsonNode body = json(gateway.get("/api/v1/marketplace/offerings", gateway.adminToken));
            assertThat(body.path("source").asText()).isEqualTo("exchange");
            assertThat(body.path("offerings").get(0).path("id").asText()).isEqualTo("p-9");
            assertThat(body.path("offerings").get(0).path("price_per_1k").decimalValue()).isEqualByComparingTo("0.1");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableExchangeGivesTheLocalCatalogue() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (TestGateway gateway = TestGateway.start(dir, Map.of("base_url", "http://127.0.0.1:" + closedPort))) {
            JsonNode body = json(gateway.get("/api/v1/marketplace/offerings", gateway.adminToken));
            assertThat(body.path("source").asText()).isEqualTo("local");
            assertThat(body.path("offerings").findValuesAsText("id")).containsExactly("loopback");
        }
    }
}
