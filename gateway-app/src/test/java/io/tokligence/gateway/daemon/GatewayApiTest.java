package io.tokligence.gateway.daemon;

import static io.tokligence.gateway.daemon.TestGateway.chat;
import static io.tokligence.gateway.daemon.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.daemon.http.Json;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayApiTest {
    @TempDir
    static Path dir;
    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = TestGateway.start(dir, Map.of("openai_api_key", "sk-test-secret-9876"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** A fresh user with its own key, so ledger assertions see only this test's requests. */
    private static String[] newUserWithKey(String email) throws Exception {
        HttpResponse<String> created = gateway.post("/api/v1/admin/users", gateway.adminToken,
                "{\"email\":\"" + email + "\",\"role\":\"gateway_user\",\"display_name\":\"Test User\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String userId = json(created).path("user").path("id").asText();
        HttpResponse<String> key = gateway.post("/api/v1/admin/users/" + userId + "/api-keys", gateway.adminToken, "");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return new String[] {userId, json(key).path("token").asText(), json(key).path("api_key").path("id").asText()};
    }

    @Test
    void healthNeedsNoKeyAndReportsVersionAndDatabase() throws Exception {
        HttpResponse<String> response = gateway.get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("version").asText()).isEqualTo(io.tokligence.gateway.Version.current()).isNotBlank();
        assertThat(body.path("database").asText()).isEqualTo("sqlite");
        assertThat(body.path("uptime_seconds").isIntegralNumber()).isTrue();
    }

    @Test
    void modelsListLoopback() throws Exception {
        JsonNode body = json(gateway.get("/v1/models", gateway.adminToken));
        assertThat(body.path("object").asText()).isEqualTo("list");
        assertThat(body.path("data").get(0).path("id").asText()).isEqualTo("loopback");
        assertThat(body.path("data").get(0).path("adapter").asText()).isEqualTo("loopback");
    }

    @Test
    void loopbackAnswersJsonAndRecordsTheLedgerWithCost() throws Exception {
        String[] user = newUserWithKey("json-user@example.com");
        HttpResponse<String> response = gateway.post("/v1/chat/completions", user[1], chat("loopback", "hello there world", false));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").get(0).path("message").path("content").asText()).isEqualTo("echo: hello there world");
        // prompt: "be brief" (2) + "hello there world" (3); completion: "echo: hello there world" (4)
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(4);
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(9);

        gateway.post("/v1/chat/completions", user[1], chat("loopback", "again", false));

        HttpResponse<String> entriesResponse = gateway.get("/api/v1/admin/ledger/entries?user_id=" + user[0], gateway.adminToken);
        assertThat(entriesResponse.body()).as("plain decimals with the ledger's scale").contains("\"cost\":0.004500");
        JsonNode entries = json(entriesResponse);
        assertThat(entries.path("total").asLong()).isEqualTo(2);
        JsonNode oldest = entries.path("entries").get(1);
        assertThat(oldest.path("email").asText()).isEqualTo("json-user@example.com");
        assertThat(oldest.path("api_key_id").asText()).isEqualTo(user[2]);
        assertThat(oldest.path("model").asText()).isEqualTo("loopback");
        assertThat(oldest.path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(oldest.path("completion_tokens").asInt()).isEqualTo(4);
        assertThat(oldest.path("status").asInt()).isEqualTo(200);
        assertThat(oldest.path("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
        // 9 tokens at 0.50 per 1k = 0.0045
        assertThat(oldest.path("cost").decimalValue()).isEqualByComparingTo("0.0045");

        JsonNode summary = json(gateway.get("/api/v1/admin/ledger/summary", gateway.adminToken));
        JsonNode row = null;
        for (JsonNode candidate : summary.path("rows")) {
            if (candidate.path("user_id").asText().equals(user[0])) {
                row = candidate;
            }
        }
        assertThat(row).as(summary.toString()).isNotNull();
        assertThat(row.path("model").asText()).isEqualTo("loopback");
        assertThat(row.path("requests").asLong()).isEqualTo(2);
        // second request: prompt 2 + 1 = 3, completion "echo: again" = 2 → 5 tokens; total 14 tokens = 0.007
        assertThat(row.path("prompt_tokens").asLong()).isEqualTo(8);
        assertThat(row.path("completion_tokens").asLong()).isEqualTo(6);
        assertThat(row.path("cost").decimalValue()).isEqualByComparingTo(new BigDecimal("0.007"));

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(json(gateway.get("/api/v1/admin/ledger/entries?user_id=" + user[0] + "&from=" + today + "&to=" + today,
                gateway.adminToken)).path("total").asLong()).isEqualTo(2);
        assertThat(json(gateway.get("/api/v1/admin/ledger/entries?user_id=" + user[0] + "&from=2000-01-01&to=2000-01-31",
                gateway.adminToken)).path("total").asLong()).isZero();
        HttpResponse<String> badDate = gateway.get("/api/v1/admin/ledger/summary?from=yesterday", gateway.adminToken);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json(badDate).path("error").path("message").asText()).contains("from").contains("YYYY-MM-DD");

        HttpResponse<String> ownResponse = gateway.get("/api/v1/usage/summary", user[1]);
        assertThat(ownResponse.body()).contains("\"cost\":0.007000");
        JsonNode own = json(ownResponse);
        assertThat(own.path("requests").asLong()).isEqualTo(2);
        JsonNode logs = json(gateway.get("/api/v1/usage/logs?limit=1", user[1]));
        assertThat(logs.path("total").asLong()).isEqualTo(2);
        assertThat(logs.path("entries")).hasSize(1);
    }

    @Test
    void loopbackStreamsWordByWordOverSse() throws Exception {
        String[] user = newUserWithKey("sse-user@example.com");
        HttpResponse<String> response = gateway.post("/v1/chat/completions", user[1], chat("loopback", "one two three", true));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<TestGateway.Event> events = TestGateway.events(response.body());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        StringBuilder content = new StringBuilder();
        JsonNode usage = null;
        int contentChunks = 0;
        for (TestGateway.Event event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = Json.MAPPER.readTree(event.data());
            assertThat(chunk.path("object").asText()).isEqualTo("chat.completion.chunk");
            for (JsonNode choice : chunk.path("choices")) {
                String piece = choice.path("delta").path("content").asText("");
                if (!piece.isEmpty()) {
                    contentChunks++;
                    content.append(piece);
                }
            }
            if (chunk.path("usage").isObject()) {
                usage = chunk.path("usage");
            }
        }
        assertThat(content.toString()).isEqualTo("echo: one two three");
        assertThat(contentChunks).isEqualTo(4);
        assertThat(usage).isNotNull();
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(4);
        JsonNode entries = json(gateway.get("/api/v1/admin/ledger/entries?user_id=" + user[0], gateway.adminToken));
        assertThat(entries.path("entries").get(0).path("completion_tokens").asInt()).isEqualTo(4);
        assertThat(entries.path("entries").get(0).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void keyMustBePresentAndValid() throws Exception {
        HttpResponse<String> missing = gateway.post("/v1/chat/completions", null, chat("loopback", "hi", false));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing).path("error").path("type").asText()).isEqualTo("authentication_error");
        HttpResponse<String> wrong = gateway.post("/v1/chat/completions", "tok_not-a-real-key", chat("loopback", "hi", false));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> viaHeader = gateway.send(gateway.request("/v1/models", null).header("X-API-Key", gateway.adminToken).GET());
        assertThat(viaHeader.statusCode()).isEqualTo(200);
    }

    @Test
    void nonAdminIsRefusedOnAdminRoutes() throws Exception {
        String[] user = newUserWithKey("plain-user@example.com");
        HttpResponse<String> response = gateway.get("/api/v1/admin/users", user[1]);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").path("type").asText()).isEqualTo("permission_error");
        JsonNode profile = json(gateway.get("/api/v1/profile", user[1]));
        assertThat(profile.path("email").asText()).isEqualTo("plain-user@example.com");
        assertThat(profile.path("role").asText()).isEqualTo("gateway_user");
        assertThat(profile.path("display_name").asText()).isEqualTo("Test User");
    }

    @Test
    void malformedJsonIs400AndRecorded() throws Exception {
        String[] user = newUserWithKey("badjson@example.com");
        HttpResponse<String> response = gateway.post("/v1/chat/completions", user[1], "{\"model\": \"loopback\", ");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("code").asText()).isEqualTo("invalid_json");
        JsonNode entries = json(gateway.get("/api/v1/admin/ledger/entries?user_id=" + user[0], gateway.adminToken));
        assertThat(entries.path("entries").get(0).path("status").asInt()).isEqualTo(400);
    }

    @Test
    void unknownModelIs404() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, chat("mistral-large", "hi", false));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("model_not_found");
        // claude* routes to anthropic, which has no key in this configuration
        HttpResponse<String> unconfigured = gateway.post("/v1/chat/completions", gateway.adminToken, chat("claude-3", "hi", false));
        assertThat(unconfigured.statusCode()).isEqualTo(404);
        assertThat(json(unconfigured).path("error").path("message").asText()).contains("anthropic_api_key");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        String big = chat("loopback", "x".repeat((int) DaemonServer.MAX_BODY_BYTES), false);
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, big);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("request_too_large");
    }

    @Test
    void unknownApiRouteAndWrongMethodAnswerJson() throws Exception {
        HttpResponse<String> missing = gateway.get("/api/v1/nothing-here", gateway.adminToken);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("error").path("type").asText()).isEqualTo("not_found_error");
        HttpResponse<String> wrongMethod = gateway.get("/v1/chat/completions", gateway.adminToken);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    }

    @Test
    void adminManagesUsersAndKeysAndARevokedKeyIsRefused() throws Exception {
        String[] user = newUserWithKey("keys@example.com");
        assertThat(gateway.get("/v1/models", user[1]).statusCode()).isEqualTo(200);

        JsonNode users = json(gateway.get("/api/v1/admin/users", gateway.adminToken));
        assertThat(users.path("users").findValuesAsText("email")).contains("keys@example.com", "root@example.com");

        HttpResponse<String> duplicate = gateway.post("/api/v1/admin/users", gateway.adminToken, "{\"email\":\"keys@example.com\"}");
        assertThat(duplicate.statusCode()).isEqualTo(400);

        HttpResponse<String> patched = gateway.method("PATCH", "/api/v1/admin/users/" + user[0], gateway.adminToken,
                "{\"display_name\":\"Renamed\",\"role\":\"gateway_admin\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).path("user").path("display_name").asText()).isEqualTo("Renamed");
        assertThat(json(patched).path("user").path("role").asText()).isEqualTo("gateway_admin");

        HttpResponse<String> rotated = gateway.post("/api/v1/admin/api-keys/" + user[2] + "/rotate", gateway.adminToken, "");
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String newToken = json(rotated).path("token").asText();
        assertThat(newToken).startsWith("tok_").isNotEqualTo(user[1]);
        assertThat(json(rotated).path("api_key").path("prefix").asText()).isEqualTo(newToken.substring(0, 12));
        assertThat(gateway.get("/v1/models", user[1]).statusCode()).isEqualTo(401);
        assertThat(gateway.get("/v1/models", newToken).statusCode()).isEqualTo(200);

        String newKeyId = json(rotated).path("api_key").path("id").asText();
        HttpResponse<String> revoked = gateway.method("DELETE", "/api/v1/admin/api-keys/" + newKeyId, gateway.adminToken, null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).path("api_key").path("status").asText()).isEqualTo("revoked");
        assertThat(gateway.post("/v1/chat/completions", newToken, chat("loopback", "hi", false)).statusCode()).isEqualTo(401);

        JsonNode keys = json(gateway.get("/api/v1/admin/users/" + user[0] + "/api-keys", gateway.adminToken));
        assertThat(keys.path("api_keys")).hasSize(2);
        assertThat(keys.path("api_keys").findValuesAsText("status")).containsOnly("revoked");
        assertThat(keys.toString()).doesNotContain(newToken);

        HttpResponse<String> deleted = gateway.method("DELETE", "/api/v1/admin/users/" + user[0], gateway.adminToken, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = gateway.method("DELETE", "/api/v1/admin/api-keys/999999", gateway.adminToken, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void effectiveConfigMasksSecrets() throws Exception {
        JsonNode values = json(gateway.get("/api/v1/admin/config", gateway.adminToken)).path("values");
        JsonNode openaiKey = null;
        for (JsonNode value : values) {
            if (value.path("key").asText().equals("openai_api_key")) {
                openaiKey = value;
            }
        }
        assertThat(openaiKey).isNotNull();
        assertThat(openaiKey.path("value").asText()).isEqualTo("****9876");
        assertThat(openaiKey.path("origin").asText()).contains("setting.ini");
        assertThat(values.toString()).doesNotContain("sk-test-secret");
    }

    @Test
    void marketplaceFallsBackToTheLocalCatalogue() throws Exception {
        JsonNode body = json(gateway.get("/api/v1/marketplace/offerings", gateway.adminToken));
        assertThat(body.path("source").asText()).isEqualTo("local");
        assertThat(body.path("offerings").findValuesAsText("provider")).containsExactly("openai", "loopback");
        assertThat(body.path("offerings").get(0).path("price_per_1k").decimalValue()).isEqualByComparingTo("0.50");
    }

    @Test
    void accessLogHasOneJsonLinePerRequest() throws Exception {
        Thread.sleep(200);
        int before = Files.readAllLines(dir.resolve("logs/access.log")).size();
        gateway.post("/v1/chat/completions", gateway.adminToken, chat("loopback", "logged", false));
        // Right after an authenticated chat request: the caller and model must not leak into the next line.
        gateway.get("/health?probe=access-log", null);
        JsonNode health = null;
        JsonNode chatLine = null;
        // The line is written once the response has gone out, so the client can be a moment ahead of the log.
        for (int attempt = 0; attempt < 50 && (health == null || chatLine == null); attempt++) {
            Thread.sleep(attempt == 0 ? 0 : 100);
            List<String> lines = Files.readAllLines(dir.resolve("logs/access.log"));
            for (String line : lines.subList(before, lines.size())) {
                JsonNode node = Json.MAPPER.readTree(line);
                if (node.path("path").asText().equals("/health") && node.path("bytes").asLong() > 0) {
                    health = node;
                }
                if (node.path("path").asText().equals("/v1/chat/completions") && node.path("status").asInt() == 200) {
                    chatLine = node;
                }
            }
        }
        assertThat(health).isNotNull();
        assertThat(health.path("method").asText()).isEqualTo("GET");
        assertThat(health.path("bytes").asLong()).isPositive();
        assertThat(health.path("user_id").isNull()).isTrue();
        assertThat(health.path("model").isNull()).isTrue();
        assertThat(chatLine).isNotNull();
        assertThat(chatLine.path("model").asText()).isEqualTo("loopback");
        assertThat(chatLine.path("user_id").asLong()).isEqualTo(gateway.admin.id());
        assertThat(chatLine.has("ts")).isTrue();
        assertThat(chatLine.has("latency_ms")).isTrue();
    }

    @Test
    void anthropicMessagesEndpointServesLoopback() throws Exception {
        String request = "{\"model\":\"loopback\",\"max_tokens\":100,\"system\":\"be brief\","
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi claude\"}]}]}";
        HttpResponse<String> response = gateway.post("/v1/messages", gateway.adminToken, request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("content").get(0).path("text").asText()).isEqualTo("echo: hi claude");
        assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.path("usage").path("input_tokens").asInt()).isEqualTo(4);
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(3);

        HttpResponse<String> streamed = gateway.post("/anthropic/v1/messages", gateway.adminToken,
                request.replace("\"max_tokens\":100", "\"max_tokens\":100,\"stream\":true"));
        List<TestGateway.Event> events = TestGateway.events(streamed.body());
        assertThat(events).extracting(TestGateway.Event::name).startsWith("message_start", "content_block_start")
                .endsWith("content_block_stop", "message_delta", "message_stop");
        StringBuilder text = new StringBuilder();
        for (TestGateway.Event event : events) {
            if (event.name().equals("content_block_delta")) {
                text.append(Json.MAPPER.readTree(event.data()).path("delta").path("text").asText());
            }
        }
        assertThat(text.toString()).isEqualTo("echo: hi claude");
    }
}
