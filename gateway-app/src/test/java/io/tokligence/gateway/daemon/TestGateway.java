package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.config.ConfigLoader;
import io.tokligence.gateway.config.ConfigRequest;
import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.User;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real gatewayd on 127.0.0.1 (free port) with a SQLite ledger in a temporary directory, and a client for it. */
final class TestGateway implements AutoCloseable {
    final Path dir;
    final DaemonServer server;
    final String adminToken;
    final User admin;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestGateway(Path dir, DaemonServer server, User admin, String adminToken) {
        this.dir = dir;
        this.server = server;
        this.admin = admin;
        this.adminToken = adminToken;
    }

    /** Writes {@code config/setting.ini} from the defaults below plus {@code overrides} and starts the daemon. */
    static TestGateway start(Path dir, Map<String, String> overrides) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("environment", "test");
        settings.put("listen", "127.0.0.1:0");
        settings.put("ledger_path", dir.resolve("data/ledger.db").toString());
        settings.put("log_file_daemon", dir.resolve("logs/access.log").toString());
        settings.put("admin_email", "root@example.com");
        settings.put("price_per_1k", "0.50");
        settings.put("model_provider_routes", "gpt*=openai,claude*=anthropic,loopback=loopback");
        settings.put("frontend_dir", dir.resolve("frontend").toString());
        settings.put("base_url", "");
        settings.putAll(overrides);
        Path configDir = dir.resolve("config");
        Files.createDirectories(configDir);
        StringBuilder ini = new StringBuilder();
        settings.forEach((key, value) -> ini.append(key).append('=').append(value).append('\n'));
        Files.writeString(configDir.resolve("setting.ini"), ini);
        GatewayConfig config = ConfigLoader.load(new ConfigRequest(configDir, Map.of(), Map.of()));
        DaemonServer server = DaemonServer.start(config);
        try (Database database = Database.open(config.ledgerPath())) {
            User admin = database.users().findByEmail("root@example.com").orElseThrow();
            String token = database.apiKeys().create(admin.id(), null, null).token();
            return new TestGateway(dir, server, admin, token);
        }
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> method(String method, String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.MAPPER.readTree(response.body());
    }

    static String chat(String model, String userMessage, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream + ",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"be brief\"},"
                + "{\"role\":\"user\",\"content\":\"" + userMessage + "\"}]}";
    }

    /** A server-sent event as a client sees it. */
    record Event(String name, String data) {
    }

    static java.util.List<Event> events(String body) {
        java.util.List<Event> events = new java.util.ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = "";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (data.length() > 0) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(5));
    }
}
