package io.tokligence.gateway.cli;

import io.tokligence.gateway.Version;
import io.tokligence.gateway.config.ConfigLoader;
import io.tokligence.gateway.config.ConfigRequest;
import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.store.Database;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code gateway} command: set up config, manage users and keys, read the ledger. */
@Command(name = "gateway", mixinStandardHelpOptions = true, versionProvider = GatewayCli.VersionProvider.class,
        scope = ScopeType.INHERIT,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Tokligence Gateway: an OpenAI-compatible LLM gateway with a token ledger.",
        subcommands = {InitCommand.class, ConfigCommand.class, UserCommand.class, KeyCommand.class,
                LedgerCommand.class, VersionCommand.class, AdminCommand.class, CommandLine.HelpCommand.class},
        footer = {"",
                "Precedence: flag > TOKLIGENCE_<KEY> variable > config/<env>/gateway.ini",
                "  > config/setting.ini > built-in default.",
                "Config dir: --config-dir > TOKLIGENCE_CONFIG_DIR > ./config",
                "  > <gateway.home>/config.",
                "Exit codes: 0 ok, 1 failure, 2 usage error, 3 configuration error."})
public final class GatewayCli implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_CONFIG = 3;

    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]+");

    @Option(names = "--config-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Config directory holding setting.ini and <env>/gateway.ini.")
    Path configDir;

    @Option(names = "--env", split = ",", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Environment overlay to use (dev, live, ...); overrides TOKLIGENCE_ENV.")
    List<String> environments;

    @Option(names = "--ledger-path", scope = ScopeType.INHERIT, paramLabel = "PATH|URL",
            description = "Ledger database: a SQLite file or a jdbc:postgresql:// / postgres:// URL.")
    String ledgerPath;

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "Override any config key for this run (repeatable).")
    Map<String, String> overrides;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    /** Reads the process environment. */
    public GatewayCli() {
        this(System.getenv());
    }

    /** With an explicit environment, so tests control {@code TOKLIGENCE_*} variables. */
    public GatewayCli(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine(new GatewayCli()).execute(args));
    }

    /** A command line with the gateway's one-line error reporting and exit codes. */
    public static CommandLine newCommandLine(GatewayCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        ErrorReporter reporter = new ErrorReporter(cli.environment);
        commandLine.setExecutionExceptionHandler(reporter);
        commandLine.setParameterExceptionHandler(reporter);
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command");
    }

    /** The root object of any command in the tree, for global options and shared services. */
    static GatewayCli of(CommandSpec spec) {
        return (GatewayCli) spec.root().userObject();
    }

    Map<String, String> environment() {
        return environment;
    }

    /** The environments given with {@code --env} (several only make sense for init). */
    List<String> environments() {
        return environments == null ? List.of() : environments.stream().map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
    }

    /** The effective configuration with this command line's flags applied. */
    GatewayConfig config(CommandSpec command) {
        Map<String, String> flags = new HashMap<>();
        if (overrides != null) {
            overrides.forEach((key, value) -> {
                String normalized = key.strip().toLowerCase(Locale.ROOT);
                if (!KEY.matcher(normalized).matches()) {
                    throw new ParameterException(command.commandLine(), "--set needs KEY=VALUE with a config key"
                            + " of letters, digits and '_', got '" + key + "'");
                }
                flags.put(normalized, value);
            });
        }
        List<String> names = environments();
        if (names.size() > 1) {
            throw new ParameterException(command.commandLine(), "--env takes one environment here, got "
                    + String.join(",", names) + " (several are only accepted by 'gateway init')");
        }
        if (names.size() == 1) {
            flags.put("environment", names.get(0));
        }
        if (ledgerPath != null) {
            flags.put("ledger_path", ledgerPath);
        }
        return ConfigLoader.load(new ConfigRequest(configDir, environment, flags));
    }

    /** Opens the ledger database the configuration names. */
    Database openDatabase(CommandSpec command) {
        return Database.open(config(command).ledgerPath());
    }

    /** Prints {@code gateway <version>}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gateway " + Version.current()};
        }
    }
}
