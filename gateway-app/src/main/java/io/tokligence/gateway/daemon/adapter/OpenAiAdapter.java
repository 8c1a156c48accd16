package io.tokligence.gateway.daemon.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** Passes chat completions through to an OpenAI-compatible API ({@code openai_base_url}, {@code openai_api_key}). */
public final class OpenAiAdapter implements ChatAdapter {
    public static final String NAME = "openai";

    private final URI completionsUri;
    private final String apiKey;
    private final UpstreamClient client = new UpstreamClient(NAME);

    public OpenAiAdapter(String baseUrl, String apiKey) {
        this.completionsUri = URI.create(baseUrl.replaceAll("/+$", "") + "/chat/completions");
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatResult complete(ObjectNode request) throws UpstreamException {
        ObjectNode body = request.deepCopy();
        body.put("stream", false);
        ObjectNode answer = client.readJson(client.post(completionsUri, headers(), body));
        Usage usage = ChatMessages.readUsage(answer);
        if (usage == null) {
            usage = new Usage(ChatMessages.promptWords(request), ChatMessages.words(answerText(answer)));
        }
        return new ChatResult(answer, usage);
    }

    @Override
    public Usage stream(ObjectNode request, ChunkSink sink) throws UpstreamException, IOException {
        ObjectNode body = request.deepCopy();
        body.put("stream", true);
        // Without include_usage OpenAI streams carry no token counts, and the ledger needs them.
        if (!body.path("stream_options").isObject()) {
            body.putObject("stream_options");
        }
        ((ObjectNode) body.get("stream_options")).put("include_usage", true);
        HttpResponse<InputStream> response = client.post(completionsUri, headers(), body);
        Usage[] reported = {null};
        StringBuilder text = new StringBuilder();
        client.readEvents(response, event -> {
            if (event.data().equals("[DONE]")) {
                return false;
            }
            ObjectNode chunk = client.parseEventData(event);
            Usage usage = ChatMessages.readUsage(chunk);
            if (usage != null) {
                reported[0] = usage;
            }
            text.append(ChatMessages.deltaText(chunk));
            sink.accept(chunk);
            return true;
        });
        // Providers that ignore include_usage still get a ledger entry, estimated with the gateway's own measure.
        return reported[0] != null ? reported[0] : new Usage(ChatMessages.promptWords(request), ChatMessages.words(text.toString()));
    }

    private Map<String, String> headers() {
        return Map.of("Authorization", "Bearer " + apiKey);
    }

    private static String answerText(ObjectNode answer) {
        StringBuilder text = new StringBuilder();
        answer.path("choices").forEach(choice -> text.append(ChatMessages.text(choice.path("message").get("content"))));
        return text.toString();
    }
}
