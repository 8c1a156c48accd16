package io.tokligence.gateway.config;

import java.util.Objects;

/**
 * One effective configuration value.
 *
 * @param origin where exactly it was set: {@code config/setting.ini:12}, {@code TOKLIGENCE_EMAIL}, {@code --email},
 *               or {@code built-in}
 */
public record ConfigValue(String key, String value, ConfigSource source, String origin) {

    public ConfigValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
    }
}
