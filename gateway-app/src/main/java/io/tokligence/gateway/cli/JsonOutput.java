package io.tokligence.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tokligence.gateway.config.ConfigValue;
import io.tokligence.gateway.store.ApiKey;
import io.tokligence.gateway.store.UsageSummaryRow;
import io.tokligence.gateway.store.User;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code --json} output in the same snake_case shapes as gatewayd's HTTP API. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }

    static Map<String, Object> user(User user) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", user.id());
        json.put("uuid", user.uuid());
        json.put("email", user.email());
        json.put("role", user.role());
        json.put("display_name", user.displayName());
        json.put("status", user.status());
        json.put("created_at", text(user.createdAt()));
        return json;
    }

    static Map<String, Object> apiKey(ApiKey key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", key.id());
        json.put("user_id", key.userId());
        json.put("prefix", key.prefix());
        json.put("scopes", key.scopes());
        json.put("status", key.status());
        json.put("created_at", text(key.createdAt()));
        json.put("expires_at", text(key.expiresAt()));
        json.put("revoked_at", text(key.revokedAt()));
        return json;
    }

    static Map<String, Object> summaryRow(UsageSummaryRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", row.userId());
        json.put("email", row.email());
        json.put("model", row.model());
        json.put("requests", row.requests());
        json.put("prompt_tokens", row.promptTokens());
        json.put("completion_tokens", row.completionTokens());
        json.put("cost", row.cost());
        return json;
    }

    static Map<String, Object> configValue(ConfigValue value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", value.key());
        json.put("value", value.value());
        json.put("source", value.source().name().toLowerCase(Locale.ROOT));
        json.put("origin", value.origin());
        return json;
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
