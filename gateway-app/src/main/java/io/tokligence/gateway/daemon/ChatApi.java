package io.tokligence.gateway.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokligence.gateway.daemon.adapter.AdapterRegistry;
import io.tokligence.gateway.daemon.adapter.AnthropicTranslator;
import io.tokligence.gateway.daemon.adapter.ChatAdapter;
import io.tokligence.gateway.daemon.adapter.ChatResult;
import io.tokligence.gateway.daemon.adapter.ChunkSink;
import io.tokligence.gateway.daemon.adapter.LoopbackAdapter;
import io.tokligence.gateway.daemon.adapter.UpstreamException;
import io.tokligence.gateway.daemon.adapter.Usage;
import io.tokligence.gateway.daemon.http.ApiException;
import io.tokligence.gateway.daemon.http.HttpCall;
import io.tokligence.gateway.daemon.http.Json;
import io.tokligence.gateway.daemon.http.Router;
import io.tokligence.gateway.daemon.http.SseStream;
import io.tokligence.gateway.daemon.route.ModelRoute;
import io.tokligence.gateway.daemon.route.ModelRoutes;
import io.tokligence.gateway.store.LedgerStore;
import io.tokligence.gateway.store.Pricing;
import io.tokligence.gateway.store.Principal;
import io.tokligence.gateway.store.UsageRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The model endpoints: OpenAI {@code /v1/chat/completions} and {@code /v1/models}, Anthropic {@code /v1/messages}.
 * Every chat request that gets past authentication ends in exactly one ledger entry, whatever its outcome.
 */
final class ChatApi {
    private static final Logger LOG = Logger.getLogger(ChatApi.class.getName());
    /** Status recorded when the client disconnects mid-answer (nginx's convention; no response reaches anyone). */
    private static final int CLIENT_CLOSED = 499;

    private final Authenticator auth;
    private final ModelRoutes routes;
    private final AdapterRegistry adapters;
    private final LedgerStore ledger;
    private final BigDecimal pricePer1k;

    ChatApi(Authenticator auth, ModelRoutes routes, AdapterRegistry adapters, LedgerStore ledger, BigDecimal pricePer1k) {
        this.auth = auth;
        this.routes = routes;
        this.adapters = adapters;
        this.ledger = ledger;
        this.pricePer1k = pricePer1k;
    }

    void register(Router router) {
        router.add("GET", "/v1/models", this::models);
        router.add("POST", "/v1/chat/completions", call -> serve(call, false));
        router.add("POST", "/v1/messages", call -> serve(call, true));
        router.add("POST", "/anthropic/v1/messages", call -> serve(call, true));
    }

    private void models(HttpCall call) throws IOException {
        auth.authenticate(call);
        ObjectNode body = Json.object();
        body.put("object", "list");
        ArrayNode data = body.putArray("data");
        addModel(data, LoopbackAdapter.NAME, LoopbackAdapter.NAME);
        for (ModelRoute route : routes.all()) {
            boolean concrete = !route.glob().contains("*") && !route.glob().contains("?");
            if (concrete && adapters.find(route.adapter()).isPresent() && !route.glob().equals(LoopbackAdapter.NAME)) {
                addModel(data, route.glob(), route.adapter());
            }
        }
        call.sendJson(200, body);
    }

    private static void addModel(ArrayNode data, String id, String adapter) {
        ObjectNode model = data.addObject();
        model.put("id", id);
        model.put("object", "model");
        model.put("owned_by", "tokligence");
        model.put("adapter", adapter);
    }

    /** Mutable facts about one request, filled in as it progresses and written to the ledger once. */
    private final class Outcome {
        private final Principal principal;
        private final long startedNanos = System.nanoTime();
        String model = "";
        String adapter = "";
        Usage usage = Usage.NONE;
        int status = 200;
        String error = "";
        private boolean recorded;

        Outcome(Principal principal) {
            this.principal = principal;
        }

        /**
         * Writes the ledger entry; called before the last byte of a successful answer goes out, so a client that
         * reads its answer and then queries the ledger always finds the entry.
         */
        void record() {
            if (recorded) {
                return;
            }
            recorded = true;
            ChatApi.this.record(principal, this, (System.nanoTime() - startedNanos) / 1_000_000);
        }
    }

    private void serve(HttpCall call, boolean anthropicFormat) throws IOException {
        Outcome outcome = new Outcome(auth.authenticate(call));
        Object reply = null;
        try {
            ObjectNode body = call.jsonBody();
            ObjectNode chat = anthropicFormat ? AnthropicTranslator.toChatRequest(body) : body;
            outcome.model = requireModel(chat);
            call.tagModel(outcome.model);
            requireMessages(chat);
            ChatAdapter adapter = resolve(outcome.model);
            outcome.adapter = adapter.name();
            if (chat.path("stream").asBoolean(false)) {
                stream(call, adapter, chat, anthropicFormat, outcome);
            } else {
                ChatResult result = adapter.complete(chat);
                outcome.usage = result.usage();
                reply = anthropicFormat ? AnthropicTranslator.toMessage(result, outcome.model) : result.body();
            }
        } catch (ApiException e) {
            outcome.status = e.status();
            outcome.error = e.getMessage();
            throw e;
        } catch (UpstreamException e) {
            outcome.status = 502;
            outcome.error = e.getMessage();
            throw ApiException.upstream(e.getMessage());
        } catch (IOException e) {
            outcome.status = CLIENT_CLOSED;
            outcome.error = "client disconnected";
            throw e;
        } finally {
            outcome.record();
        }
        if (reply != null) {
            call.sendJson(200, reply);
        }
    }

    private static String requireModel(ObjectNode chat) {
        JsonNode model = chat.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiException.badRequest("missing_model", "field 'model' is required (a model name such as \"loopback\")");
        }
        return model.asText().trim();
    }

    private static void requireMessages(ObjectNode chat) {
        JsonNode messages = chat.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw ApiException.badRequest("missing_messages", "field 'messages' must be a non-empty array of {\"role\",\"content\"}");
        }
    }

    private ChatAdapter resolve(String model) {
        Optional<ModelRoute> route = routes.find(model);
        if (route.isEmpty()) {
            if (model.equals(LoopbackAdapter.NAME)) {
                return adapters.find(LoopbackAdapter.NAME).orElseThrow();
            }
            throw new ApiException(404, "not_found_error", "model_not_found",
                    "model '" + model + "' matches no entry of model_provider_routes; GET /v1/models lists what is served");
        }
        return adapters.find(route.get().adapter()).orElseThrow(() -> new ApiException(404, "not_found_error", "model_not_found",
                "model '" + model + "' routes to adapter '" + route.get().adapter() + "', which is not configured here"
                        + " (set " + route.get().adapter() + "_api_key, or route the model elsewhere in model_provider_routes)"));
    }

    /**
     * The SSE response starts with the first chunk, so a provider that fails before answering still gets a proper
     * 502 JSON error; one that fails mid-stream ends the stream with an error event.
     */
    private void stream(HttpCall call, ChatAdapter adapter, ObjectNode chat, boolean anthropicFormat, Outcome outcome)
            throws IOException, UpstreamException {
        SseStream[] sse = {null};
        MessagesStreamWriter messages = anthropicFormat ? new MessagesStreamWriter(outcome.model) : null;
        ChunkSink sink = chunk -> {
            if (sse[0] == null) {
                sse[0] = new SseStream(call);
            }
            if (messages != null) {
                messages.accept(sse[0], chunk);
            } else {
                sse[0].data(Json.write(chunk));
            }
        };
        try {
            outcome.usage = adapter.stream(chat, sink);
            if (sse[0] == null) {
                sse[0] = new SseStream(call);
            }
            outcome.record();
            if (messages != null) {
                messages.finish(sse[0], outcome.usage);
            } else {
                sse[0].data("[DONE]");
            }
        } catch (UpstreamException e) {
            if (sse[0] == null) {
                throw e;
            }
            outcome.status = 502;
            outcome.error = e.getMessage();
            outcome.record();
            ObjectNode error = Json.error("upstream_error", "upstream_failed", e.getMessage());
            if (messages != null) {
                error.put("type", "error");
                sse[0].event("error", Json.write(error));
            } else {
                sse[0].data(Json.write(error));
            }
        } finally {
            if (sse[0] != null) {
                sse[0].close();
            }
        }
    }

    private void record(Principal principal, Outcome outcome, long latencyMs) {
        Usage usage = outcome.usage;
        BigDecimal cost = Pricing.cost(pricePer1k, usage.promptTokens(), usage.completionTokens());
        String memo = outcome.error.isEmpty() ? "adapter=" + outcome.adapter : outcome.error;
        try {
            ledger.record(new UsageRecord(principal.user().id(), principal.apiKey() == null ? null : principal.apiKey().id(),
                    outcome.model, usage.promptTokens(), usage.completionTokens(), cost, outcome.status, latencyMs,
                    memo.length() > 500 ? memo.substring(0, 500) : memo));
        } catch (RuntimeException e) {
            // The answer has already gone out; losing the entry must be loud in the log, not a second failure.
            LOG.log(Level.SEVERE, "could not record ledger entry for user " + principal.user().id() + " model " + outcome.model, e);
        }
    }
}
