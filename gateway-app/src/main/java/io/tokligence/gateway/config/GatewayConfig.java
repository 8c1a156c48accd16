package io.tokligence.gateway.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The effective configuration: every key's value and where it came from. Immutable. */
public final class GatewayConfig {

    private final Map<String, ConfigValue> values;
    private final Path configDir;
    private final String environment;
    private final Path homeDir;

    GatewayConfig(Map<String, ConfigValue> values, Path configDir, String environment, Path homeDir) {
        this.values = Map.copyOf(values);
        this.configDir = configDir;
        this.environment = environment;
        this.homeDir = homeDir;
    }

    /** The value, trimmed; {@code ""} when the key is unset. Never null. */
    public String get(String key) {
        ConfigValue value = values.get(normalize(key));
        return value == null ? "" : value.value().strip();
    }

    /** The value when it is set and not blank. */
    public Optional<String> find(String key) {
        String value = get(key);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int getInt(String key) {
        String value = get(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw typeError(key, value, "a whole number, e.g. 8081");
        }
    }

    /** Accepts true/false, yes/no, on/off and 1/0 (case-insensitive); unset counts as false. */
    public boolean getBoolean(String key) {
        String value = get(key).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0", "" -> false;
            default -> throw typeError(key, value, "true or false");
        };
    }

    public BigDecimal getDecimal(String key) {
        String value = get(key);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw typeError(key, value, "a decimal number, e.g. 0.50");
        }
    }

    private ConfigException typeError(String key, String value, String expected) {
        ConfigValue source = value(key);
        return new ConfigException(null, source.origin() + ": " + normalize(key) + " must be " + expected
                + ", got '" + value + "'");
    }

    /** The value with its source; unknown keys report an empty built-in value. */
    public ConfigValue value(String key) {
        String k = normalize(key);
        ConfigValue value = values.get(k);
        return value != null ? value : new ConfigValue(k, "", ConfigSource.DEFAULT, ConfigDefaults.ORIGIN);
    }

    /** Every value, sorted by key. */
    public List<ConfigValue> values() {
        return List.copyOf(new TreeMap<>(values).values());
    }

    /** Like {@link #values()}, with secrets shown as {@code ****} plus their last four characters. */
    public List<ConfigValue> maskedValues() {
        List<ConfigValue> masked = new ArrayList<>();
        for (ConfigValue value : values()) {
            masked.add(SecretMasking.isSecret(value.key())
                    ? new ConfigValue(value.key(), SecretMasking.mask(value.value()), value.source(), value.origin())
                    : value);
        }
        return List.copyOf(masked);
    }

    public Path configDir() {
        return configDir;
    }

    public String environment() {
        return environment;
    }

    /** The {@code gateway.home} system property, or the working directory. */
    public Path homeDir() {
        return homeDir;
    }

    /**
     * The daemon's {@code host:port}: the {@code listen} key, unless {@code facade_port} (the Go gateway's
     * spelling) was set with higher precedence, in which case {@code 127.0.0.1:<facade_port>}.
     */
    public String listen() {
        ConfigValue listen = value("listen");
        ConfigValue port = value("facade_port");
        boolean portWins = !port.value().isBlank()
                && (listen.value().isBlank() || port.source().compareTo(listen.source()) > 0);
        if (portWins) {
            return "127.0.0.1:" + getInt("facade_port");
        }
        return listen.value().strip();
    }

    /** {@code ledger_path} with {@code ~} expanded; database URLs are returned as they are. */
    public String ledgerPath() {
        return PathExpansion.expandHome(get("ledger_path"));
    }

    /** {@code frontend_dir} when set ({@code ~} expanded), else {@code <home>/frontend}. */
    public Path frontendDir() {
        return find("frontend_dir").map(dir -> Path.of(PathExpansion.expandHome(dir)))
                .orElse(homeDir.resolve("frontend"));
    }

    private static String normalize(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "GatewayConfig[" + configDir + ", environment=" + environment + ", " + maskedValues() + "]";
    }
}
