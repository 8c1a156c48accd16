package io.tokligence.gateway.config;

/** Where an effective configuration value came from, lowest precedence first. */
public enum ConfigSource {
    DEFAULT,
    SETTING_FILE,
    OVERLAY_FILE,
    ENVIRONMENT,
    FLAG
}
