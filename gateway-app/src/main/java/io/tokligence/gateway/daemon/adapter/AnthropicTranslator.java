package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.http.Json;

/**
 * Translation between OpenAI chat completions and Anthropic messages, in both directions: the anthropic adapter
 * speaks {@code /v1/messages} upstream, and our own {@code /v1/messages} endpoint accepts Anthropic requests for any
 * routed model.
 */
public final class AnthropicTranslator {
    /** Anthropic requires max_tokens; OpenAI clients often omit it. */
    static final int DEFAULT_MAX_TOKENS = 1024;

    private AnthropicTranslator() {
    }

    /** OpenAI chat request → Anthropic messages request (system messages folded into {@code system}). */
    public static ObjectNode toMessagesRequest(ObjectNode chat) {
        ObjectNode request = Json.object();
        request.put("model", chat.path("model").asText());
        StringBuilder system = new StringBuilder();
        ArrayNode messages = request.putArray("messages");
        for (JsonNode message : chat.path("messages")) {
            String role = message.path("role").asText();
            String text = ChatMessages.text(message.get("content"));
            if (role.equals("system") || role.equals("developer")) {
                if (system.length() > 0) {
                    system.append("\n\n");
                }
                system.append(text);
            } else {
                ObjectNode out = messages.addObject();
                out.put("role", role.equals("assistant") ? "assistant" : "user");
                out.put("content", text);
            }
        }
        if (system.length() > 0) {
            request.put("system", system.toString());
        }
        int maxTokens = chat.path("max_tokens").asInt(chat.path("max_completion_tokens").asInt(DEFAULT_MAX_TOKENS));
        request.put("max_tokens", maxTokens);
        copyIfPresent(chat, "temperature", request, "temperature");
        copyIfPresent(chat, "top_p", request, "top_p");
        JsonNode stop = chat.get("stop");
        if (stop != null && stop.isTextual()) {
            request.putArray("stop_sequences").add(stop.asText());
        } else if (stop != null && stop.isArray()) {
            request.set("stop_sequences", stop.deepCopy());
        }
        if (chat.path("stream").asBoolean(false)) {
            request.put("stream", true);
        }
        return request;
    }

    /** Anthropic messages request → OpenAI chat request. */
    public static ObjectNode toChatRequest(ObjectNode messagesRequest) {
        ObjectNode chat = Json.object();
        chat.put("model", messagesRequest.path("model").asText());
        ArrayNode messages = chat.putArray("messages");
        JsonNode system = messagesRequest.get("system");
        if (system != null && !system.isNull()) {
            ObjectNode out = messages.addObject();
            out.put("role", "system");
            out.put("content", ChatMessages.text(system));
        }
        for (JsonNode message : messagesRequest.path("messages")) {
            ObjectNode out = messages.addObject();
            out.put("role", message.path("role").asText("user"));
            out.put("content", ChatMessages.text(message.get("content")));
        }
        copyIfPresent(messagesRequest, "max_tokens", chat, "max_tokens");
        copyIfPresent(messagesRequest, "temperature", chat, "temperature");
        copyIfPresent(messagesRequest, "top_p", chat, "top_p");
        copyIfPresent(messagesRequest, "stop_sequences", chat, "stop");
        if (messagesRequest.path("stream").asBoolean(false)) {
            chat.put("stream", true);
        }
        return chat;
    }

    /** Anthropic message response → OpenAI chat.completion. */
    public static ChatResult toChatResult(ObjectNode message, String model) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : message.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        Usage usage = new Usage(message.path("usage").path("input_tokens").asInt(0),
                message.path("usage").path("output_tokens").asInt(0));
        String id = message.path("id").asText(ChatMessages.newId("chatcmpl-"));
        return new ChatResult(ChatMessages.completion(id, model, text.toString(),
                finishReason(message.path("stop_reason").asText(null)), usage), usage);
    }

    /** OpenAI chat.completion → Anthropic message response. */
    public static ObjectNode toMessage(ChatResult result, String model) {
        ObjectNode message = Json.object();
        message.put("id", ChatMessages.newId("msg_"));
        message.put("type", "message");
        message.put("role", "assistant");
        message.put("model", model);
        StringBuilder text = new StringBuilder();
        String finish = null;
        for (JsonNode choice : result.body().path("choices")) {
            text.append(ChatMessages.text(choice.path("message").get("content")));
            if (finish == null && choice.path("finish_reason").isTextual()) {
                finish = choice.path("finish_reason").asText();
            }
        }
        ObjectNode block = message.putArray("content").addObject();
        block.put("type", "text");
        block.put("text", text.toString());
        message.put("stop_reason", stopReason(finish));
        message.putNull("stop_sequence");
        message.set("usage", anthropicUsage(result.usage()));
        return message;
    }

    public static ObjectNode anthropicUsage(Usage usage) {
        ObjectNode node = Json.object();
        node.put("input_tokens", usage.promptTokens());
        node.put("output_tokens", usage.completionTokens());
        return node;
    }

    public static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            default -> "stop";
        };
    }

    public static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "end_turn";
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls" -> "tool_use";
            default -> "end_turn";
        };
    }

    private static void copyIfPresent(JsonNode from, String fromKey, ObjectNode to, String toKey) {
        JsonNode value = from.get(fromKey);
        if (value != null && !value.isNull()) {
            to.set(toKey, value.deepCopy());
        }
    }
}
