package io.tokligence.gateway.daemon;

import io.tokligence.gateway.Version;
import io.tokligence.gateway.config.ConfigException;
import io.tokligence.gateway.config.ConfigLoader;
import io.tokligence.gateway.config.ConfigRequest;
import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatewayd}: the OpenAI-compatible gateway daemon. Exit codes: 0 ok, 1 runtime failure, 2 usage, 3 config. */
@Command(name = "gatewayd", versionProvider = GatewayDaemon.VersionProvider.class, sortOptions = false,
        description = "Runs the Tokligence Gateway HTTP daemon (OpenAI-compatible API, token ledger, admin API, consoles).",
        footer = {"", "Every flag overrides the TOKLIGENCE_<KEY> environment variable and the config files.",
                "Stops gracefully on SIGTERM: requests in flight finish (up to 10 s), the ledger is flushed, exit code 0."})
public final class GatewayDaemon implements Callable<Integer> {
    static final int EXIT_RUNTIME = 1;
    static final int EXIT_CONFIG = 3;
    /** How long in-flight requests may take to finish after SIGTERM. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Directory holding setting.ini and <env>/gateway.ini (default: TOKLIGENCE_CONFIG_DIR, ./config, <home>/config).")
    private Path configDir;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment overlay to read, e.g. dev or live (key: environment).")
    private String environment;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on; port 0 picks a free port (key: listen).")
    private String listen;

    @Option(names = "--ledger-path", paramLabel = "PATH|URL",
            description = "SQLite file or jdbc:postgresql:// URL of the ledger (key: ledger_path).")
    private String ledgerPath;

    @Option(names = "--frontend-dir", paramLabel = "DIR", description = "Directory holding the web/ and h5/ consoles (key: frontend_dir).")
    private String frontendDir;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean versionRequested;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean helpRequested;

    /** Held so the level set on it is not lost when the logger would otherwise be garbage-collected. */
    private static final Logger GATEWAY_LOGGER = Logger.getLogger("io.tokligence.gateway");

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        System.exit(new CommandLine(new GatewayDaemon()).execute(args));
    }

    @Override
    public Integer call() {
        GatewayConfig config;
        DaemonServer server;
        try {
            config = ConfigLoader.load(new ConfigRequest(configDir, System.getenv(), flags()));
            applyLogLevel(config.get("log_level"));
            server = DaemonServer.start(config);
        } catch (ConfigException | StoreException | IllegalArgumentException e) {
            System.err.println("gatewayd: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (IOException | RuntimeException e) {
            System.err.println("gatewayd: cannot start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return EXIT_RUNTIME;
        }
        Runnable stop = () -> {
            server.shutdown(SHUTDOWN_GRACE);
            stopped.countDown();
        };
        // The hook covers every way the JVM ends; the signal handlers make SIGTERM/SIGINT a normal exit with code 0
        // instead of the JVM's 143/130.
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "gatewayd-shutdown"));
        ShutdownSignals.install(stop);
        System.out.println("gatewayd listening on " + server.url());
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdown(SHUTDOWN_GRACE);
        }
        return 0;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new LinkedHashMap<>();
        putIfSet(flags, "environment", environment);
        putIfSet(flags, "listen", listen);
        putIfSet(flags, "ledger_path", ledgerPath);
        putIfSet(flags, "frontend_dir", frontendDir);
        return flags;
    }

    private static void putIfSet(Map<String, String> flags, String key, String value) {
        if (value != null && !value.isBlank()) {
            flags.put(key, value.trim());
        }
    }

    private static void applyLogLevel(String level) {
        Level julLevel = switch (level.trim().toLowerCase(Locale.ROOT)) {
            case "debug", "trace" -> Level.FINE;
            case "warn", "warning" -> Level.WARNING;
            case "error" -> Level.SEVERE;
            default -> Level.INFO;
        };
        // debug applies to the gateway's own loggers; the JDK's (TLS, HTTP client) stay at info or quieter.
        Logger root = Logger.getLogger("");
        root.setLevel(julLevel.intValue() < Level.INFO.intValue() ? Level.INFO : julLevel);
        for (var handler : root.getHandlers()) {
            handler.setLevel(julLevel);
        }
        GATEWAY_LOGGER.setLevel(julLevel);
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gatewayd " + Version.current()};
        }
    }
}
