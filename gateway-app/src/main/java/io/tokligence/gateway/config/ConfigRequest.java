package io.tokligence.gateway.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What {@link ConfigLoader} needs.
 *
 * @param configDir   the config directory the user named ({@code --config-dir}), or {@code null} to resolve it by
 *                    the launch contract
 * @param environment the process environment ({@code System.getenv()} in production)
 * @param flags       config key to value, from command-line flags (entries with a null value are dropped); the
 *                    origin shown is {@code --key-with-dashes}
 */
public record ConfigRequest(Path configDir, Map<String, String> environment, Map<String, String> flags) {

    public ConfigRequest {
        environment = withoutNulls(environment);
        flags = withoutNulls(flags);
    }

    private static Map<String, String> withoutNulls(Map<String, String> map) {
        Map<String, String> copy = new HashMap<>();
        if (map != null) {
            map.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        return Map.copyOf(copy);
    }
}
