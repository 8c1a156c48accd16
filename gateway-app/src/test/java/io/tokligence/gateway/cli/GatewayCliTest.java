package io.tokligence.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokligence.gateway.Version;
import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.LedgerQuery;
import io.tokligence.gateway.store.Pricing;
import io.tokligence.gateway.store.UsageRecord;
import io.tokligence.gateway.store.User;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatewayCliTest {

    @TempDir
    Path dir;

    private Path configDir;
    private String ledgerPath;
    private final Map<String, String> environment = new HashMap<>();

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void isolate() throws IOException {
        configDir = Files.createDirectories(dir.resolve("config"));
        ledgerPath = dir.resolve("data/ledger.db").toString();
        environment.put("TOKLIGENCE_CONFIG_DIR", configDir.toString());
        environment.put("TOKLIGENCE_LEDGER_PATH", ledgerPath);
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GatewayCli.newCommandLine(new GatewayCli(environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static void assertOneLineError(Result result, int exit, String text) {
        assertThat(result.exit()).isEqualTo(exit);
        assertThat(result.err()).startsWith("gateway: error: ").contains(text).doesNotContain("\tat ");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void printsItsVersion() {
        String expected = "gateway " + Version.current();
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*").doesNotContain("${");
        assertThat(run("--version")).isEqualTo(new Result(0, expected + System.lineSeparator(), ""));
        assertThat(run("version")).isEqualTo(new Result(0, expected + System.lineSeparator(), ""));
    }

    @Test
    void everyCommandHasHelp() {
        List<String> paths = new ArrayList<>();
        collect(GatewayCli.newCommandLine(new GatewayCli(environment)), "", paths);
        assertThat(paths).contains("init", "config show", "user add", "key create", "key rotate", "key revoke",
                "key list", "ledger summary", "version", "admin users list", "admin api-keys revoke");
        for (String path : paths) {
            List<String> args = new ArrayList<>(List.of(path.split(" ")));
            args.add("--help");
            Result result = run(args.toArray(String[]::new));
            assertThat(result.exit()).as(path).isZero();
            assertThat(result.out()).as(path).startsWith("Usage: gateway " + path);
        }
    }

    private static void collect(CommandLine commandLine, String prefix, List<String> paths) {
        commandLine.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !name.equals("help")) {
                String path = prefix.isEmpty() ? name : prefix + " " + name;
                paths.add(path);
                collect(sub, path, paths);
            }
        });
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        assertOneLineError(run(), 2, "missing command");
        assertOneLineError(run("--no-such-flag"), 2, "Unknown option: '--no-such-flag'");
        assertOneLineError(run("user"), 2, "missing subcommand: add, list, update or delete (see 'gateway user --help')");
        assertOneLineError(run("user", "add", "--role", "gateway_user"), 2, "Missing required option: '--email");
        assertOneLineError(run("key", "revoke", "abc"), 2, "'abc'");
        assertOneLineError(run("--env", "dev,live", "config", "show"), 2, "--env takes one environment here");
        assertOneLineError(run("--set", "bad key=1", "config", "show"), 2, "--set needs KEY=VALUE");
        assertOneLineError(run("ledger", "summary", "--to", "31/12/2026"), 2, "--to must be a date YYYY-MM-DD");
    }

    @Test
    void initWritesSettingAndOverlaysFromTheTemplates() throws IOException {
        Path root = dir.resolve("project");

        Result result = run("init", "--root", root.toString(), "--env", "dev", "--env", "live,staging",
                "--email", "ada@example.com", "--display-name", "Ada Lovelace", "--base-url",
                "https://exchange.example", "--ledger-path", "~/gw/ledger.db", "--price", "0.25",
                "--model-family", "llama", "--provider", "--http-address", ":9090");

        assertThat(result.exit()).as(result.err()).isZero();
        Path setting = root.resolve("config/setting.ini");
        assertThat(result.out()).contains("wrote " + setting, "wrote " + root.resolve("config/staging/gateway.ini"));
        String settingText = Files.readString(setting);
        assertThat(settingText).contains("\nenvironment=dev\n", "\nemail=ada@example.com\n",
                "\ndisplay_name=Ada Lovelace\n", "\nenable_provider=true\n", "# Precedence (highest first)");
        String live = Files.readString(root.resolve("config/live/gateway.ini"));
        assertThat(live).contains("base_url=https://exchange.example\n", "ledger_path=~/gw/ledger.db\n",
                "price_per_1k=0.25\n", "model_family=llama\n", "listen=0.0.0.0:9090\n");
        assertThat(live.lines().filter(line -> line.startsWith("base_url="))).hasSize(1);
        String staging = Files.readString(root.resolve("config/staging/gateway.ini"));
        assertThat(staging).contains("identity_path=~/.tokligence/staging/identity.db");

        environment.put("TOKLIGENCE_CONFIG_DIR", root.resolve("config").toString());
        environment.remove("TOKLIGENCE_LEDGER_PATH");
        Result show = run("--env", "staging", "config", "show");
        assertThat(show.out()).containsPattern("email\\s+ada@example.com\\s+setting_file\\s+\\S*setting.ini:\\d+")
                .containsPattern("price_per_1k\\s+0.25\\s+overlay_file\\s+\\S*staging/gateway.ini:\\d+");
    }

    @Test
    void initRefusesToOverwriteWithoutForce() throws IOException {
        Path root = dir.resolve("project");
        assertThat(run("init", "--root", root.toString()).exit()).isZero();
        Path overlay = root.resolve("config/dev/gateway.ini");
        Files.writeString(overlay, "log_level=trace\n");

        assertOneLineError(run("init", "--root", root.toString(), "--email", "x@example.com"), 1,
                root.resolve("config/setting.ini") + " already exists; pass --force to overwrite it");
        assertThat(Files.readString(overlay)).isEqualTo("log_level=trace\n");

        assertThat(run("init", "--root", root.toString(), "--email", "x@example.com", "--force").exit()).isZero();
        assertThat(Files.readString(overlay)).contains("log_level=debug");
        assertThat(Files.readString(root.resolve("config/setting.ini"))).contains("\nemail=x@example.com\n");
    }

    @Test
    void initValidatesItsValues() {
        Path root = dir.resolve("project");
        assertOneLineError(run("init", "--root", root.toString(), "--email", "not-an-email"), 2,
                "--email must contain '@', got 'not-an-email'");
        assertOneLineError(run("init", "--root", root.toString(), "--base-url", "ftp://x"), 2,
                "--base-url must start with http:// or https://");
        assertOneLineError(run("init", "--root", root.toString(), "--price", "-1"), 2, "--price must be 0 or more");
        assertOneLineError(run("init", "--root", root.toString(), "--env", "../x"), 2, "--env names a directory");
        assertOneLineError(run("init", "--root", root.toString(), "--listen", "localhost"), 2,
                "--listen must be HOST:PORT or :PORT, got 'localhost'");
        assertThat(root).doesNotExist();
    }

    @Test
    void initFallsBackToTheGoGatewaysEnvironmentVariables() throws IOException {
        Path root = dir.resolve("project");
        environment.put("TOKLIGENCE_EMAIL", "env@example.com");
        environment.put("TOKLIGENCE_DISPLAY_NAME", "From Env");
        environment.put("TOKEN_EXCHANGE_BASE_URL", "https://env.example");

        assertThat(run("init", "--root", root.toString(), "--display-name", "From Flag").exit()).isZero();

        assertThat(Files.readString(root.resolve("config/setting.ini")))
                .contains("\nemail=env@example.com\n", "\ndisplay_name=From Flag\n");
        assertThat(Files.readString(root.resolve("config/dev/gateway.ini"))).contains("base_url=https://env.example");
    }

    @Test
    void configShowNamesEachSourceAndMasksSecrets() throws IOException {
        Files.writeString(configDir.resolve("setting.ini"), "email=file@example.com\nlog_level=info\n"
                + "openai_api_key=sk-live-1234567890abcd\nenvironment=live\n");
        Files.createDirectories(configDir.resolve("live"));
        Files.writeString(configDir.resolve("live/gateway.ini"), "# live\nlisten=0.0.0.0:9000\n");
        environment.put("TOKLIGENCE_DISPLAY_NAME", "Env Name");

        Result result = run("--set", "log_level=trace", "config", "show");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("environment: live")
                .containsPattern("email\\s+file@example.com\\s+setting_file\\s+\\S+setting.ini:1")
                .containsPattern("listen\\s+0.0.0.0:9000\\s+overlay_file\\s+\\S+gateway.ini:2")
                .containsPattern("display_name\\s+Env Name\\s+environment\\s+TOKLIGENCE_DISPLAY_NAME")
                .containsPattern("log_level\\s+trace\\s+flag\\s+--log-level")
                .containsPattern("ledger_path\\s+\\S+ledger.db\\s+environment\\s+TOKLIGENCE_LEDGER_PATH")
                .containsPattern("anthropic_version\\s+2023-06-01\\s+default\\s+built-in")
                .containsPattern("openai_api_key\\s+\\*\\*\\*\\*abcd\\s+setting_file")
                .doesNotContain("sk-live-1234567890abcd");

        Result flagged = run("--ledger-path", "/srv/ledger.db", "--env", "dev", "config", "show", "--json");
        JsonNode json = parse(flagged.out());
        assertThat(json.get("environment").asText()).isEqualTo("dev");
        JsonNode ledger = find(json.get("values"), "ledger_path");
        assertThat(ledger.get("value").asText()).isEqualTo("/srv/ledger.db");
        assertThat(ledger.get("source").asText()).isEqualTo("flag");
        assertThat(ledger.get("origin").asText()).isEqualTo("--ledger-path");
        assertThat(find(json.get("values"), "openai_api_key").get("value").asText()).isEqualTo("****abcd");
    }

    @Test
    void malformedConfigExitsThreeWithFileAndLine() throws IOException {
        Files.writeString(configDir.resolve("setting.ini"), "email=a@b.c\nnonsense\n");

        Result result = run("user", "list");

        assertOneLineError(result, 3, configDir.resolve("setting.ini") + ":2: expected key=value, got 'nonsense'");
    }

    @Test
    void usersKeysAndLedgerRoundTrip() throws IOException {
        assertThat(run("user", "add", "--email", "ada@example.com", "--role", "gateway_admin", "--name", "Ada")
                .out()).isEqualTo("created user 1 ada@example.com (gateway_admin)" + System.lineSeparator());
        assertThat(run("admin", "users", "create", "--email", "bob@example.com", "--name", "Bob").exit()).isZero();
        assertOneLineError(run("user", "add", "--email", "ADA@example.com"), 1, "already exists");
        assertThat(run("user", "list").out()).containsPattern("1\\s+ada@example.com\\s+gateway_admin\\s+Ada\\s+active")
                .containsPattern("2\\s+bob@example.com\\s+gateway_user\\s+Bob\\s+active");
        JsonNode users = parse(run("admin", "users", "list", "--json").out()).get("users");
        assertThat(users).hasSize(2);
        assertThat(users.get(1).get("display_name").asText()).isEqualTo("Bob");

        Result created = run("key", "create", "--user", "ada@example.com", "--quiet");
        assertThat(created.exit()).isZero();
        assertThat(created.err()).isEmpty();
        String token = created.out().strip();
        assertThat(token).matches("tok_[A-Za-z0-9_-]{43}");
        Result verbose = run("key", "create", "--user", "bob@example.com", "--expires-days", "7");
        String bobToken = verbose.out().strip();
        assertThat(verbose.out().lines()).hasSize(1);
        assertThat(verbose.err()).contains("key 2 (prefix " + bobToken.substring(0, 12) + ") for bob@example.com",
                "expires", "not shown again");
        assertOneLineError(run("key", "create", "--user", "nobody@example.com"), 1,
                "no user with email nobody@example.com; add one with `gateway user add --email nobody@example.com`");

        try (Database db = Database.open(ledgerPath)) {
            User ada = db.apiKeys().authenticate(token).orElseThrow().user();
            assertThat(ada.email()).isEqualTo("ada@example.com");
            BigDecimal price = new BigDecimal("0.50");
            db.ledger().record(new UsageRecord(ada.id(), 1L, "loopback", 10, 5, Pricing.cost(price, 10, 5), 200, 3,
                    null));
            db.ledger().record(new UsageRecord(ada.id(), 1L, "loopback", 20, 10, Pricing.cost(price, 20, 10), 200,
                    3, null));
            db.ledger().record(new UsageRecord(2, 2L, "gpt-4o", 1000, 0, Pricing.cost(price, 1000, 0), 200, 3,
                    null));
            assertThat(db.ledger().count(LedgerQuery.all())).isEqualTo(3);
        }

        Result summary = run("ledger", "summary");
        assertThat(summary.out()).containsPattern("ada@example.com\\s+loopback\\s+2\\s+30\\s+15\\s+0.022500")
                .containsPattern("bob@example.com\\s+gpt-4o\\s+1\\s+1000\\s+0\\s+0.500000")
                .containsPattern("TOTAL\\s+3\\s+1030\\s+15\\s+0.522500");
        JsonNode rows = parse(run("ledger", "summary", "--user", "bob@example.com", "--json").out()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("prompt_tokens").asLong()).isEqualTo(1000);
        assertThat(rows.get(0).get("cost").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(parse(run("ledger", "summary", "--from", "2000-01-01", "--to", "2000-01-02", "--json").out())
                .get("rows")).isEmpty();

        Result rotated = run("key", "rotate", "1", "-q");
        String newToken = rotated.out().strip();
        assertThat(newToken).startsWith("tok_").isNotEqualTo(token);
        assertThat(run("admin", "api-keys", "delete", "2").out()).contains("revoked key 2");
        assertThat(run("key", "list").out()).containsPattern("1\\s+ada@example.com\\s+\\S+\\s+revoked")
                .containsPattern("2\\s+bob@example.com\\s+\\S+\\s+revoked")
                .containsPattern("3\\s+ada@example.com\\s+" + newToken.substring(0, 12) + "\\s+active");
        assertThat(parse(run("key", "list", "--user", "bob@example.com", "--json").out()).get("api_keys"))
                .hasSize(1);
        try (Database db = Database.open(ledgerPath)) {
            assertThat(db.apiKeys().authenticate(token)).isEmpty();
            assertThat(db.apiKeys().authenticate(bobToken)).isEmpty();
            assertThat(db.apiKeys().authenticate(newToken)).isPresent();
        }
        assertOneLineError(run("key", "revoke", "99"), 1, "no API key with id 99");

        assertThat(run("user", "update", "1", "--status", "inactive").out())
                .contains("updated user 1 ada@example.com (gateway_admin, inactive)");
        try (Database db = Database.open(ledgerPath)) {
            assertThat(db.apiKeys().authenticate(newToken)).isEmpty();
        }
        assertThat(run("admin", "users", "update", "1", "--status", "active", "--role", "root_admin").exit())
                .isZero();
        assertOneLineError(run("user", "update", "1"), 2, "nothing to change");
        assertOneLineError(run("user", "update", "1", "--status", "gone"), 2, "--status must be active or inactive");
        assertThat(run("user", "delete", "1").out()).contains("deleted user 1");
        assertThat(run("user", "list").out()).doesNotContain("ada@example.com");
        assertThat(run("key", "list").out()).containsPattern("3\\s+#1 \\(deleted\\)\\s+\\S+\\s+revoked");
        assertOneLineError(run("user", "delete", "1"), 1, "no user with id 1");
    }

    @Test
    void configuredAdminEmailGetsKeysWithoutBeingAdded() {
        String token = run("admin", "api-keys", "create", "--user", "admin@localhost", "-q").out().strip();

        try (Database db = Database.open(ledgerPath)) {
            assertThat(db.apiKeys().authenticate(token).orElseThrow().user().role()).isEqualTo(User.ROOT_ADMIN);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static JsonNode find(JsonNode values, String key) {
        for (JsonNode value : values) {
            if (value.get("key").asText().equals(key)) {
                return value;
            }
        }
        throw new AssertionError("no value for " + key + " in " + values);
    }
}
