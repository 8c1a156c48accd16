package io.tokligence.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path configDir;

    private void write(String relative, String text) throws IOException {
        Path file = configDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private GatewayConfig load(Map<String, String> environment, Map<String, String> flags) {
        return ConfigLoader.load(new ConfigRequest(configDir, environment, flags));
    }

    @Test
    void emptyDirectoryGivesBuiltInDefaults() {
        GatewayConfig config = load(Map.of(), Map.of());

        assertThat(config.environment()).isEqualTo("dev");
        assertThat(config.value("listen"))
                .isEqualTo(new ConfigValue("listen", "127.0.0.1:8081", ConfigSource.DEFAULT, "built-in"));
        assertThat(config.getDecimal("price_per_1k")).isEqualByComparingTo("0.50");
        assertThat(config.getBoolean("auth_disabled")).isFalse();
        assertThat(config.get("no_such_key")).isEmpty();
        assertThat(config.find("email")).isEmpty();
        assertThat(config.configDir()).isEqualTo(configDir);
    }

    @Test
    void eachLevelOverridesTheOneBelow() throws IOException {
        write("setting.ini", """
                log_level=warn
                email=file@example.com
                display_name=From File
                base_url=https://setting.example
                price_per_1k=1.00
                """);
        write("dev/gateway.ini", """
                email=overlay@example.com
                display_name=From Overlay
                base_url=https://overlay.example
                """);
        Map<String, String> environment = Map.of(
                "TOKLIGENCE_DISPLAY_NAME", "From Env",
                "TOKLIGENCE_BASE_URL", "https://env.example");
        Map<String, String> flags = Map.of("base_url", "https://flag.example");

        GatewayConfig config = load(environment, flags);

        assertThat(config.value("listen").source()).isEqualTo(ConfigSource.DEFAULT);
        assertThat(config.value("log_level")).isEqualTo(new ConfigValue("log_level", "warn",
                ConfigSource.SETTING_FILE, configDir.resolve("setting.ini") + ":1"));
        assertThat(config.value("price_per_1k").source()).isEqualTo(ConfigSource.SETTING_FILE);
        assertThat(config.value("email")).isEqualTo(new ConfigValue("email", "overlay@example.com",
                ConfigSource.OVERLAY_FILE, configDir.resolve("dev").resolve("gateway.ini") + ":1"));
        assertThat(config.value("display_name"))
                .isEqualTo(new ConfigValue("display_name", "From Env", ConfigSource.ENVIRONMENT,
                        "TOKLIGENCE_DISPLAY_NAME"));
        assertThat(config.value("base_url"))
                .isEqualTo(new ConfigValue("base_url", "https://flag.example", ConfigSource.FLAG, "--base-url"));
    }

    @Test
    void tokligenceEnvChoosesTheOverlay() throws IOException {
        write("setting.ini", "environment=dev\nlog_level=info\n");
        write("dev/gateway.ini", "log_level=debug\n");
        write("live/gateway.ini", "log_level=error\nenvironment=ignored\n");

        GatewayConfig config = load(Map.of("TOKLIGENCE_ENV", "live"), Map.of());

        assertThat(config.environment()).isEqualTo("live");
        assertThat(config.value("environment"))
                .isEqualTo(new ConfigValue("environment", "live", ConfigSource.ENVIRONMENT, "TOKLIGENCE_ENV"));
        assertThat(config.get("log_level")).isEqualTo("error");
        assertThat(config.value("log_level").origin()).endsWith("gateway.ini:1");
    }

    @Test
    void settingFileAndFlagChooseTheOverlayToo() throws IOException {
        write("setting.ini", "environment=live\n");
        write("live/gateway.ini", "log_level=error\n");
        write("staging/gateway.ini", "log_level=trace\n");

        assertThat(load(Map.of(), Map.of()).get("log_level")).isEqualTo("error");
        GatewayConfig flagged = load(Map.of("TOKLIGENCE_ENV", "live"), Map.of("environment", "staging"));
        assertThat(flagged.environment()).isEqualTo("staging");
        assertThat(flagged.get("log_level")).isEqualTo("trace");
        assertThat(flagged.value("environment").origin()).isEqualTo("--environment");
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() throws IOException {
        write("setting.ini", "email=file@example.com\nenvironment=live\n");
        write("live/gateway.ini", "log_level=error\n");
        Map<String, String> environment = new HashMap<>();
        environment.put("TOKLIGENCE_EMAIL", "   ");
        environment.put("TOKLIGENCE_ENV", "");
        environment.put("TOKEN_EXCHANGE_BASE_URL", "");

        GatewayConfig config = load(environment, Map.of());

        assertThat(config.value("email").source()).isEqualTo(ConfigSource.SETTING_FILE);
        assertThat(config.environment()).isEqualTo("live");
        assertThat(config.value("base_url").source()).isEqualTo(ConfigSource.DEFAULT);
    }

    @Test
    void tokenExchangeBaseUrlSetsBaseUrlUnlessTheTokligenceVariableIsSet() {
        GatewayConfig exchange = load(Map.of("TOKEN_EXCHANGE_BASE_URL", "https://x.example"), Map.of());
        assertThat(exchange.value("base_url")).isEqualTo(new ConfigValue("base_url", "https://x.example",
                ConfigSource.ENVIRONMENT, "TOKEN_EXCHANGE_BASE_URL"));

        GatewayConfig both = load(Map.of("TOKEN_EXCHANGE_BASE_URL", "https://x.example",
                "TOKLIGENCE_BASE_URL", "https://y.example"), Map.of());
        assertThat(both.get("base_url")).isEqualTo("https://y.example");
    }

    @Test
    void unrelatedVariablesAreIgnored() {
        GatewayConfig config = load(Map.of("PATH", "/usr/bin", "TOKLIGENCE_CONFIG_DIR", "/elsewhere",
                "TOKLIGENCE_", "x"), Map.of());

        assertThat(config.values()).extracting(ConfigValue::key).doesNotContain("path", "config_dir", "");
    }

    @Test
    void malformedOverlayFailsWithItsFileAndLine() throws IOException {
        write("setting.ini", "environment=live\n");
        write("live/gateway.ini", "# live\nlisten 0.0.0.0:8081\n");

        assertThatThrownBy(() -> load(Map.of(), Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo(configDir.resolve("live").resolve("gateway.ini"));
                    assertThat(e.line()).isEqualTo(2);
                })
                .hasMessageContaining("gateway.ini:2: expected key=value, got 'listen 0.0.0.0:8081'");
    }

    @Test
    void explicitlyNamedMissingDirectoryIsAnError() {
        Path missing = configDir.resolve("nope");

        assertThatThrownBy(() -> ConfigLoader.load(new ConfigRequest(missing, Map.of(), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(missing + " (from --config-dir) does not exist");
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigRequest(null,
                Map.of("TOKLIGENCE_CONFIG_DIR", missing.toString()), Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("(from TOKLIGENCE_CONFIG_DIR)");
    }

    @Test
    void configDirFromEnvironmentIsUsed() throws IOException {
        write("setting.ini", "email=dir@example.com\n");

        GatewayConfig config = ConfigLoader.load(new ConfigRequest(null,
                Map.of("TOKLIGENCE_CONFIG_DIR", configDir.toString()), Map.of()));

        assertThat(config.get("email")).isEqualTo("dir@example.com");
        assertThat(config.configDir()).isEqualTo(configDir);
    }

    @Test
    void environmentNameMustBeADirectoryName() {
        assertThatThrownBy(() -> load(Map.of("TOKLIGENCE_ENV", "../etc"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("TOKLIGENCE_ENV: environment '../etc' is not a valid name (use letters, digits, '_',"
                        + " '.' or '-', e.g. dev or live)");
    }

    @Test
    void secretsAreMaskedToTheirLastFourCharacters() throws IOException {
        write("setting.ini", "openai_api_key=sk-abcdefghijklmnop\nauth_secret=short\ndb_password=\n"
                + "email=a@b.c\n");

        GatewayConfig config = load(Map.of("TOKLIGENCE_EXCHANGE_TOKEN", "tok_0123456789"), Map.of());

        Map<String, String> masked = new HashMap<>();
        config.maskedValues().forEach(v -> masked.put(v.key(), v.value()));
        assertThat(masked).containsEntry("openai_api_key", "****mnop")
                .containsEntry("auth_secret", "****")
                .containsEntry("db_password", "")
                .containsEntry("exchange_token", "****6789")
                .containsEntry("email", "a@b.c");
        assertThat(config.get("openai_api_key")).isEqualTo("sk-abcdefghijklmnop");
    }

    @Test
    void valuesAreSortedByKey() {
        assertThat(load(Map.of(), Map.of()).values()).extracting(ConfigValue::key).isSorted();
    }

    @Test
    void typedGettersNameTheOriginOfABadValue() throws IOException {
        write("setting.ini", "facade_port=eighty\nauth_disabled=maybe\n");

        GatewayConfig config = load(Map.of(), Map.of());

        assertThatThrownBy(() -> config.getInt("facade_port")).isInstanceOf(ConfigException.class)
                .hasMessage(configDir.resolve("setting.ini") + ":1: facade_port must be a whole number, e.g. 8081,"
                        + " got 'eighty'");
        assertThatThrownBy(() -> config.getBoolean("auth_disabled")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(":2: auth_disabled must be true or false, got 'maybe'");
    }

    @Test
    void listenFallsBackToFacadePortWhenThatWasSetHigher() throws IOException {
        assertThat(load(Map.of(), Map.of()).listen()).isEqualTo("127.0.0.1:8081");
        write("setting.ini", "facade_port=9000\n");
        assertThat(load(Map.of(), Map.of()).listen()).isEqualTo("127.0.0.1:9000");
        assertThat(load(Map.of("TOKLIGENCE_LISTEN", "0.0.0.0:7000"), Map.of()).listen()).isEqualTo("0.0.0.0:7000");
    }

    @Test
    void ledgerPathExpandsHomeButLeavesUrlsAlone() {
        assertThat(load(Map.of(), Map.of("ledger_path", "~/data/ledger.db")).ledgerPath())
                .isEqualTo(Path.of(System.getProperty("user.home"), "data", "ledger.db").toString());
        assertThat(load(Map.of("TOKLIGENCE_LEDGER_PATH", "postgres://u:p@db/ledger"), Map.of()).ledgerPath())
                .isEqualTo("postgres://u:p@db/ledger");
    }

    @Test
    void frontendDirDefaultsUnderHome() {
        GatewayConfig config = load(Map.of(), Map.of());
        assertThat(config.frontendDir()).isEqualTo(config.homeDir().resolve("frontend"));
        assertThat(load(Map.of("TOKLIGENCE_FRONTEND_DIR", "/srv/consoles"), Map.of()).frontendDir())
                .isEqualTo(Path.of("/srv/consoles"));
    }

    @Test
    void everyKeyOfTheShippedSettingFileHasABuiltInDefault() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("templates/setting.ini")) {
            assertThat(in).as("setting.ini template packaged into the jar").isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            IniFile template = IniFile.parse(Path.of("setting.ini"), Arrays.asList(text.split("\n")));
            template.entries().forEach((key, entry) ->
                    assertThat(ConfigDefaults.VALUES).as("built-in default of " + key)
                            .containsEntry(key, entry.value()));
        }
    }
}
