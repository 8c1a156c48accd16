package io.tokligence.gateway.daemon.adapter;

import io.tokligence.gateway.config.GatewayConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The adapters this daemon can use: loopback always, a provider only when its key is configured. */
public final class AdapterRegistry {
    private final Map<String, ChatAdapter> adapters = new LinkedHashMap<>();

    public AdapterRegistry(Iterable<ChatAdapter> adapters) {
        adapters.forEach(adapter -> this.adapters.put(adapter.name(), adapter));
    }

    public static AdapterRegistry fromConfig(GatewayConfig config) {
        LinkedHashMap<String, ChatAdapter> found = new LinkedHashMap<>();
        found.put(LoopbackAdapter.NAME, new LoopbackAdapter(config.find("loopback_stream_delay_ms").isPresent()
                ? config.getInt("loopback_stream_delay_ms") : 0));
        config.find("openai_api_key").ifPresent(key -> found.put(OpenAiAdapter.NAME,
                new OpenAiAdapter(config.find("openai_base_url").orElse("https://api.openai.com/v1"), key)));
        config.find("anthropic_api_key").ifPresent(key -> found.put(AnthropicAdapter.NAME,
                new AnthropicAdapter(config.find("anthropic_base_url").orElse("https://api.anthropic.com"), key,
                        config.find("anthropic_version").orElse("2023-06-01"))));
        return new AdapterRegistry(found.values());
    }

    public Optional<ChatAdapter> find(String name) {
        return Optional.ofNullable(adapters.get(name));
    }

    public Set<String> names() {
        return adapters.keySet();
    }
}
