package io.tokligence.gateway.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds the effective configuration. Precedence, highest first: command-line flag &gt; environment variable
 * ({@code TOKLIGENCE_<KEY>}, blank = unset; {@code TOKEN_EXCHANGE_BASE_URL} for {@code base_url},
 * {@code TOKLIGENCE_ENV} for {@code environment}) &gt; {@code config/<environment>/gateway.ini} &gt;
 * {@code config/setting.ini} &gt; built-in default. The environment is resolved first by the same rules (minus
 * the overlay it selects).
 */
public final class ConfigLoader {

    /** The property launchers set to the root of the unpacked distribution. */
    public static final String HOME_PROPERTY = "gateway.home";
    public static final String CONFIG_DIR_VARIABLE = "TOKLIGENCE_CONFIG_DIR";
    public static final String ENV_VARIABLE = "TOKLIGENCE_ENV";
    public static final String EXCHANGE_URL_VARIABLE = "TOKEN_EXCHANGE_BASE_URL";
    static final String PREFIX = "TOKLIGENCE_";
    static final String SETTING_FILE = "setting.ini";
    static final String OVERLAY_FILE = "gateway.ini";

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private ConfigLoader() {
    }

    public static GatewayConfig load(ConfigRequest request) {
        Path home = homeDir();
        Path configDir = resolveConfigDir(request, home);
        Map<String, ConfigValue> values = new TreeMap<>();
        ConfigDefaults.VALUES.forEach((key, value) ->
                values.put(key, new ConfigValue(key, value, ConfigSource.DEFAULT, ConfigDefaults.ORIGIN)));

        readIfPresent(configDir.resolve(SETTING_FILE))
                .ifPresent(file -> apply(values, file, ConfigSource.SETTING_FILE));
        Map<String, ConfigValue> fromEnvironment = environmentValues(request.environment());
        Map<String, ConfigValue> fromFlags = flagValues(request.flags());

        ConfigValue environment = firstOf(fromFlags.get("environment"), fromEnvironment.get("environment"),
                values.get("environment"));
        String environmentName = environment.value().strip();
        if (!ENVIRONMENT_NAME.matcher(environmentName).matches()) {
            throw new ConfigException(null, environment.origin() + ": environment '" + environmentName
                    + "' is not a valid name (use letters, digits, '_', '.' or '-', e.g. dev or live)");
        }
        readIfPresent(configDir.resolve(environmentName).resolve(OVERLAY_FILE))
                .ifPresent(file -> apply(values, file, ConfigSource.OVERLAY_FILE));
        values.putAll(fromEnvironment);
        values.putAll(fromFlags);
        // The overlay was chosen by the environment, so an `environment=` line inside it cannot change it.
        values.put("environment", new ConfigValue("environment", environmentName, environment.source(),
                environment.origin()));
        return new GatewayConfig(values, configDir, environmentName, home);
    }

    /** {@code gateway.home} when a launcher set it, else the working directory. */
    static Path homeDir() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return Path.of("").toAbsolutePath();
    }

    /** {@code --config-dir} &gt; {@code TOKLIGENCE_CONFIG_DIR} &gt; {@code ./config} when it exists &gt; home/config. */
    static Path resolveConfigDir(ConfigRequest request, Path home) {
        if (request.configDir() != null) {
            return requireDirectory(request.configDir(), "--config-dir");
        }
        String fromEnvironment = request.environment().getOrDefault(CONFIG_DIR_VARIABLE, "").strip();
        if (!fromEnvironment.isEmpty()) {
            return requireDirectory(Path.of(PathExpansion.expandHome(fromEnvironment)), CONFIG_DIR_VARIABLE);
        }
        Path local = Path.of("config");
        if (Files.isDirectory(local)) {
            return local;
        }
        return home.resolve("config");
    }

    private static Path requireDirectory(Path dir, String origin) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir, "config directory " + dir + " (from " + origin
                    + ") does not exist; create it with `gateway init --root <parent>` or point " + origin
                    + " at an existing directory");
        }
        return dir;
    }

    private static Optional<IniFile> readIfPresent(Path file) {
        return Files.isRegularFile(file) ? Optional.of(IniFile.read(file)) : Optional.empty();
    }

    private static void apply(Map<String, ConfigValue> values, IniFile file, ConfigSource source) {
        file.entries().values().forEach(entry -> values.put(entry.key(),
                new ConfigValue(entry.key(), entry.value(), source, file.path() + ":" + entry.line())));
    }

    static Map<String, ConfigValue> environmentValues(Map<String, String> environment) {
        Map<String, ConfigValue> values = new TreeMap<>();
        environment.forEach((name, rawValue) -> {
            String value = rawValue.strip();
            if (value.isEmpty() || !name.startsWith(PREFIX) || name.length() == PREFIX.length()
                    || name.equals(CONFIG_DIR_VARIABLE) || name.equals(ENV_VARIABLE)) {
                return;
            }
            String key = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            values.put(key, new ConfigValue(key, value, ConfigSource.ENVIRONMENT, name));
        });
        // The documented short name wins over TOKLIGENCE_ENVIRONMENT when both are set.
        String environmentName = environment.getOrDefault(ENV_VARIABLE, "").strip();
        if (!environmentName.isEmpty()) {
            values.put("environment", new ConfigValue("environment", environmentName, ConfigSource.ENVIRONMENT,
                    ENV_VARIABLE));
        }
        String exchange = environment.getOrDefault(EXCHANGE_URL_VARIABLE, "").strip();
        if (!exchange.isEmpty() && !values.containsKey("base_url")) {
            values.put("base_url", new ConfigValue("base_url", exchange, ConfigSource.ENVIRONMENT,
                    EXCHANGE_URL_VARIABLE));
        }
        return values;
    }

    private static Map<String, ConfigValue> flagValues(Map<String, String> flags) {
        Map<String, ConfigValue> values = new TreeMap<>();
        flags.forEach((rawKey, value) -> {
            String key = rawKey.toLowerCase(Locale.ROOT);
            values.put(key, new ConfigValue(key, value, ConfigSource.FLAG, "--" + key.replace('_', '-')));
        });
        return values;
    }

    private static ConfigValue firstOf(ConfigValue... candidates) {
        for (ConfigValue candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the built-in default for environment is missing");
    }
}
