package io.tokligence.gateway.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Writes config/setting.ini and config/<env>/gateway.ini from the packaged templates. */
@Command(name = "init", sortOptions = false,
        description = {"Write DIR/config/setting.ini and DIR/config/<env>/gateway.ini from the templates.",
                "Values not given keep the template's; --email, --display-name and --base-url fall back to",
                "TOKLIGENCE_EMAIL, TOKLIGENCE_DISPLAY_NAME and TOKEN_EXCHANGE_BASE_URL."},
        footer = {"", "Global options that init uses: --env NAME[,NAME...] (default dev; the first becomes",
                "setting.ini's environment), --ledger-path PATH|URL (written into each overlay)."})
final class InitCommand implements Callable<Integer> {

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    @Spec
    CommandSpec spec;

    @Option(names = "--root", defaultValue = ".", paramLabel = "DIR",
            description = "Directory to create config/ in (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Your account email (must contain @).")
    String email;

    @Option(names = "--display-name", paramLabel = "NAME", description = "Your display name.")
    String displayName;

    @Option(names = "--base-url", paramLabel = "URL", description = "Token exchange / marketplace URL.")
    String baseUrl;

    @Option(names = "--price", paramLabel = "PRICE", description = "Price per 1,000 tokens, e.g. 0.50.")
    BigDecimal price;

    @Option(names = "--publish-name", paramLabel = "NAME", description = "Name to publish offerings under.")
    String publishName;

    @Option(names = "--model-family", paramLabel = "FAMILY", description = "Model family you provide.")
    String modelFamily;

    @Option(names = "--provider", description = "Enable the provider role (enable_provider=true).")
    boolean provider;

    @Option(names = {"--listen", "--http-address"}, paramLabel = "HOST:PORT",
            description = "gatewayd listen address written into each overlay; ':8081' means all interfaces.")
    String listen;

    @Option(names = "--force", description = "Overwrite existing files.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        GatewayCli cli = GatewayCli.of(spec);
        List<String> environments = cli.environments().isEmpty() ? List.of("dev") : cli.environments();
        for (String environment : environments) {
            if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
                throw usage("--env names a directory; use letters, digits, '_', '.' or '-', got '" + environment
                        + "'");
            }
        }
        Map<String, String> environment = cli.environment();
        String mail = firstNonBlank(email, environment.get("TOKLIGENCE_EMAIL"));
        if (mail != null && !mail.contains("@")) {
            throw usage("--email must contain '@', got '" + mail + "'");
        }
        String name = firstNonBlank(displayName, environment.get("TOKLIGENCE_DISPLAY_NAME"));
        String url = firstNonBlank(baseUrl, environment.get("TOKEN_EXCHANGE_BASE_URL"));
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw usage("--base-url must start with http:// or https://, got '" + url + "'");
        }
        if (price != null && price.signum() < 0) {
            throw usage("--price must be 0 or more, got " + price.toPlainString());
        }

        Map<String, String> settingValues = new LinkedHashMap<>();
        settingValues.put("environment", environments.get(0));
        putIfGiven(settingValues, "email", mail);
        putIfGiven(settingValues, "display_name", name);
        putIfGiven(settingValues, "enable_provider", provider ? "true" : null);
        Map<String, String> overlayValues = new LinkedHashMap<>();
        putIfGiven(overlayValues, "base_url", url);
        putIfGiven(overlayValues, "ledger_path", cli.ledgerPath);
        putIfGiven(overlayValues, "listen", listenAddress());
        putIfGiven(overlayValues, "price_per_1k", price == null ? null : price.toPlainString());
        putIfGiven(overlayValues, "publish_name", publishName);
        putIfGiven(overlayValues, "model_family", modelFamily);
        for (String value : concat(settingValues, overlayValues)) {
            if (value.contains("\n") || value.contains("\r")) {
                throw usage("values must fit on one line");
            }
        }

        Path configDir = root.resolve("config");
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(configDir.resolve("setting.ini"),
                ConfigTemplates.withValues(ConfigTemplates.settingFile(), settingValues));
        for (String env : environments) {
            files.put(configDir.resolve(env).resolve("gateway.ini"),
                    ConfigTemplates.withValues(ConfigTemplates.overlayFile(env), overlayValues));
        }
        if (!force) {
            for (Path file : files.keySet()) {
                if (Files.exists(file)) {
                    throw new CommandFailure(file + " already exists; pass --force to overwrite it");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            write(file.getKey(), file.getValue());
            out.println("wrote " + file.getKey());
        }
        out.println("next: gateway --config-dir " + configDir + " config show");
        return GatewayCli.EXIT_OK;
    }

    /** Written beside the target and moved into place, so an interrupted init never leaves half a file. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".gateway-init", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The Go gateway wrote ':8081' for all interfaces; gatewayd's listen key wants an explicit host. */
    private String listenAddress() {
        if (listen == null) {
            return null;
        }
        String address = listen.strip();
        if (!address.matches("[^\\s:]*:\\d{1,5}")) {
            throw usage("--listen must be HOST:PORT or :PORT, got '" + listen + "'");
        }
        return address.startsWith(":") ? "0.0.0.0" + address : address;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String firstNonBlank(String flag, String variable) {
        if (flag != null) {
            return flag.strip();
        }
        return variable == null || variable.isBlank() ? null : variable.strip();
    }

    private static void putIfGiven(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static List<String> concat(Map<String, String> a, Map<String, String> b) {
        return java.util.stream.Stream.concat(a.values().stream(), b.values().stream()).toList();
    }
}
