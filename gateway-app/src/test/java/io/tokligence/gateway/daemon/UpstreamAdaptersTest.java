package io.tokligence.gateway.daemon;

import static io.tokligence.gateway.daemon.TestGateway.chat;
import static io.tokligence.gateway.daemon.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.daemon.http.Json;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpstreamAdaptersTest {
    @TempDir
    static Path dir;
    static StubUpstream upstream;
    static TestGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        upstream = new StubUpstream();
        gateway = TestGateway.start(dir, Map.of(
                "openai_base_url", upstream.baseUrl() + "/v1",
                "openai_api_key", "sk-stub-openai",
                "anthropic_base_url", upstream.baseUrl(),
                "anthropic_api_key", "ak-stub-anthropic",
                "anthropic_version", "2023-06-01",
                "price_per_1k", "2.00"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    private static JsonNode latestEntry(String model) throws Exception {
        JsonNode entries = json(gateway.get("/api/v1/admin/ledger/entries?model=" + model, gateway.adminToken));
        return entries.path("entries").get(0);
    }

    private static StubUpstream.Received lastReceived() {
        return upstream.received.get(upstream.received.size() - 1);
    }

    @Test
    void openAiJsonPassesThroughWithUpstreamUsage() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, chat("gpt-4o", "hi", false));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("id").asText()).isEqualTo("chatcmpl-stub");
        assertThat(json(response).path("choices").get(0).path("message").path("content").asText()).isEqualTo("Hello from upstream");
        StubUpstream.Received sent = lastReceived();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-stub-openai");
        assertThat(sent.body().path("messages").get(1).path("content").asText()).isEqualTo("hi");
        JsonNode entry = latestEntry("gpt-4o");
        assertThat(entry.path("prompt_tokens").asInt()).isEqualTo(11);
        assertThat(entry.path("completion_tokens").asInt()).isEqualTo(7);
        // 18 tokens at 2.00 per 1k
        assertThat(entry.path("cost").decimalValue()).isEqualByComparingTo("0.036");
        assertThat(entry.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void openAiStreamPassesThroughAndUsageComesFromTheFinalChunk() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, chat("gpt-4o-mini", "hi", true));
        assertThat(response.statusCode()).isEqualTo(200);
        List<TestGateway.Event> events = TestGateway.events(response.body());
        assertThat(events).hasSize(5);
        assertThat(events.get(4).data()).isEqualTo("[DONE]");
        assertThat(Json.MAPPER.readTree(events.get(1).data()).path("choices").get(0).path("delta").path("content").asText())
                .isEqualTo("Hello");
        assertThat(lastReceived().body().path("stream_options").path("include_usage").asBoolean()).isTrue();
        JsonNode entry = latestEntry("gpt-4o-mini");
        assertThat(entry.path("prompt_tokens").asInt()).isEqualTo(21);
        assertThat(entry.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(entry.path("cost").decimalValue()).isEqualByComparingTo("0.048");
    }

    @Test
    void failingUpstreamIs502AndStillRecorded() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, chat("gpt-fail", "hi", false));
        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode error = json(response).path("error");
        assertThat(error.path("type").asText()).isEqualTo("upstream_error");
        assertThat(error.path("message").asText()).contains("HTTP 500").contains("stub says the model is overloaded");
        JsonNode entry = latestEntry("gpt-fail");
        assertThat(entry.path("status").asInt()).isEqualTo(502);
        assertThat(entry.path("prompt_tokens").asInt()).isZero();
        assertThat(entry.path("cost").decimalValue()).isEqualByComparingTo("0");

        HttpResponse<String> streamed = gateway.post("/v1/chat/completions", gateway.adminToken, chat("gpt-fail", "hi", true));
        assertThat(streamed.statusCode()).isEqualTo(502);
        assertThat(json(streamed).path("error").path("type").asText()).isEqualTo("upstream_error");
    }

    @Test
    void upstreamBreakingMidStreamEndsWithAnErrorEventAnd502InTheLedger() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken, chat("gpt-break", "hi", true));
        assertThat(response.statusCode()).isEqualTo(200);
        List<TestGateway.Event> events = TestGateway.events(response.body());
        assertThat(Json.MAPPER.readTree(events.get(0).data()).path("choices").get(0).path("delta").path("content").asText())
                .isEqualTo("partial");
        JsonNode last = Json.MAPPER.readTree(events.get(events.size() - 1).data());
        assertThat(last.path("error").path("type").asText()).isEqualTo("upstream_error");
        assertThat(response.body()).doesNotContain("[DONE]");
        assertThat(latestEntry("gpt-break").path("status").asInt()).isEqualTo(502);
    }

    @Test
    void anthropicAdapterTranslatesChatCompletions() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken,
                chat("claude-3-5-sonnet", "bonjour", false));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        StubUpstream.Received sent = lastReceived();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.apiKey()).isEqualTo("ak-stub-anthropic");
        assertThat(sent.anthropicVersion()).isEqualTo("2023-06-01");
        assertThat(sent.body().path("system").asText()).isEqualTo("be brief");
        assertThat(sent.body().path("messages")).hasSize(1);
        assertThat(sent.body().path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(sent.body().path("max_tokens").asInt()).isPositive();
        JsonNode body = json(response);
        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("choices").get(0).path("message").path("content").asText()).isEqualTo("Bonjour monde");
        assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(13);
        JsonNode entry = latestEntry("claude-3-5-sonnet");
        assertThat(entry.path("completion_tokens").asInt()).isEqualTo(6);
    }

    @Test
    void anthropicStreamBecomesOpenAiChunks() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/chat/completions", gateway.adminToken,
                chat("claude-3-haiku", "bonjour", true));
        assertThat(response.statusCode()).isEqualTo(200);
        List<TestGateway.Event> events = TestGateway.events(response.body());
        assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        String finish = null;
        for (TestGateway.Event event : events.subList(0, events.size() - 1)) {
            JsonNode chunk = Json.MAPPER.readTree(event.data());
            for (JsonNode choice : chunk.path("choices")) {
                text.append(choice.path("delta").path("content").asText(""));
                if (choice.path("finish_reason").isTextual()) {
                    finish = choice.path("finish_reason").asText();
                }
            }
        }
        assertThat(text.toString()).isEqualTo("Bonjour monde");
        assertThat(finish).isEqualTo("length");
        assertThat(lastReceived().body().path("stream").asBoolean()).isTrue();
        JsonNode entry = latestEntry("claude-3-haiku");
        assertThat(entry.path("prompt_tokens").asInt()).isEqualTo(13);
        assertThat(entry.path("completion_tokens").asInt()).isEqualTo(6);
    }

    @Test
    void anthropicMessagesEndpointReachesTheAnthropicAdapter() throws Exception {
        HttpResponse<String> response = gateway.post("/v1/messages", gateway.adminToken,
                "{\"model\":\"claude-3-opus\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"salut\"}]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(lastReceived().body().path("max_tokens").asInt()).isEqualTo(50);
        JsonNode body = json(response);
        assertThat(body.path("content").get(0).path("text").asText()).isEqualTo("Bonjour monde");
        assertThat(body.path("usage").path("input_tokens").asInt()).isEqualTo(13);
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(6);
    }
}
