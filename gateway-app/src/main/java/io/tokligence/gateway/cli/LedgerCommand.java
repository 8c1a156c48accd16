package io.tokligence.gateway.cli;

import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.LedgerDates;
import io.tokligence.gateway.store.LedgerQuery;
import io.tokligence.gateway.store.StoreException;
import io.tokligence.gateway.store.UsageSummaryRow;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ledger", description = "Read the token ledger.", subcommands = LedgerCommand.Summary.class)
final class LedgerCommand extends CommandGroup {

    @Command(name = "summary", description = "Requests, tokens and cost per user and model.")
    static final class Summary implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "DATE", description = "From this day (YYYY-MM-DD, UTC) or instant.")
        String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Up to and including this day, or before this"
                + " instant.")
        String to;

        @Option(names = "--user", paramLabel = "EMAIL", description = "Only this user.")
        String user;

        @Option(names = "--model", paramLabel = "MODEL", description = "Only this model.")
        String model;

        @Option(names = "--json", description = "Print JSON: {\"rows\":[...]}.")
        boolean json;

        @Override
        public Integer call() {
            Instant fromInstant;
            Instant toInstant;
            try {
                fromInstant = LedgerDates.from(from, "--from");
                toInstant = LedgerDates.to(to, "--to");
            } catch (StoreException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            GatewayConfig config = GatewayCli.of(spec).config(spec);
            List<UsageSummaryRow> rows;
            try (Database db = Database.open(config.ledgerPath())) {
                Long userId = user == null ? null : KeyCommand.userByEmail(db, config, user).id();
                rows = db.ledger().summary(new LedgerQuery(fromInstant, toInstant, userId, model, 0, 0));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, Map.of("rows", rows.stream().map(JsonOutput::summaryRow).toList()));
                return GatewayCli.EXIT_OK;
            }
            TextTable table = new TextTable("USER", "MODEL", "REQUESTS", "PROMPT_TOKENS", "COMPLETION_TOKENS",
                    "COST");
            long requests = 0;
            long prompt = 0;
            long completion = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (UsageSummaryRow row : rows) {
                table.row(row.email(), row.model().isEmpty() ? "-" : row.model(), row.requests(), row.promptTokens(),
                        row.completionTokens(), row.cost().toPlainString());
                requests += row.requests();
                prompt += row.promptTokens();
                completion += row.completionTokens();
                cost = cost.add(row.cost());
            }
            table.row("TOTAL", "", requests, prompt, completion, cost.setScale(6).toPlainString());
            table.print(out);
            return GatewayCli.EXIT_OK;
        }
    }
}
