package io.tokligence.gateway.config;

import java.util.Map;

/**
 * Built-in defaults: the gateway runs with no config files at all. Every key of the shipped
 * {@code config/setting.ini} has one (a test keeps the two in step).
 */
final class ConfigDefaults {

    static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("environment", "dev"),
            Map.entry("base_url", ""),
            Map.entry("email", ""),
            Map.entry("display_name", ""),
            Map.entry("enable_provider", "false"),
            Map.entry("marketplace_enabled", "true"),
            Map.entry("price_per_1k", "0.50"),
            Map.entry("log_level", "info"),
            Map.entry("log_file_cli", "-"),
            Map.entry("log_file_daemon", "-"),
            Map.entry("admin_email", "admin@localhost"),
            Map.entry("auth_disabled", "false"),
            Map.entry("auth_secret", ""),
            Map.entry("ledger_path", "~/.tokligence/ledger.db"),
            Map.entry("identity_path", "~/.tokligence/identity.db"),
            Map.entry("listen", "127.0.0.1:8081"),
            Map.entry("facade_port", "8081"),
            Map.entry("model_provider_routes", "gpt*=openai,claude*=anthropic,loopback=loopback"),
            Map.entry("openai_api_key", ""),
            Map.entry("openai_base_url", "https://api.openai.com/v1"),
            Map.entry("anthropic_api_key", ""),
            Map.entry("anthropic_base_url", "https://api.anthropic.com"),
            Map.entry("anthropic_version", "2023-06-01"),
            Map.entry("frontend_dir", ""));

    static final String ORIGIN = "built-in";

    private ConfigDefaults() {
    }
}
