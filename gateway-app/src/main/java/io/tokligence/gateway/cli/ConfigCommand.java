package io.tokligence.gateway.cli;

import io.tokligence.gateway.config.ConfigValue;
import io.tokligence.gateway.config.GatewayConfig;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "config", description = "Inspect the effective configuration.",
        subcommands = ConfigCommand.Show.class)
final class ConfigCommand extends CommandGroup {

    @Command(name = "show", description = {"Print every effective value and where it came from.",
            "Secrets (*_api_key, auth_secret, *password*, *secret*, *token*) are masked to their last 4 characters."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON: {\"config_dir\",\"environment\",\"values\":[...]}.")
        boolean json;

        @Override
        public Integer call() {
            GatewayConfig config = GatewayCli.of(spec).config(spec);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("config_dir", config.configDir().toString());
                document.put("environment", config.environment());
                document.put("values", config.maskedValues().stream().map(JsonOutput::configValue).toList());
                JsonOutput.print(out, document);
                return GatewayCli.EXIT_OK;
            }
            out.println("config dir:  " + config.configDir());
            out.println("environment: " + config.environment());
            out.println();
            TextTable table = new TextTable("KEY", "VALUE", "SOURCE", "ORIGIN");
            for (ConfigValue value : config.maskedValues()) {
                table.row(value.key(), value.value().isEmpty() ? "\"\"" : value.value(),
                        value.source().name().toLowerCase(Locale.ROOT), value.origin());
            }
            table.print(out);
            return GatewayCli.EXIT_OK;
        }
    }
}
