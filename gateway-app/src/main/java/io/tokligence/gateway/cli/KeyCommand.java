package io.tokligence.gateway.cli;

import io.tokligence.gateway.config.GatewayConfig;
import io.tokligence.gateway.store.ApiKey;
import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.IssuedKey;
import io.tokligence.gateway.store.User;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "key", description = "Manage API keys (the token is shown once; only its hash is stored).",
        subcommands = {KeyCommand.Create.class, KeyCommand.Rotate.class, KeyCommand.Revoke.class,
                KeyCommand.ListKeys.class})
final class KeyCommand extends CommandGroup {

    /** The token alone on stdout (so $(gateway key create ...) captures it); the details on stderr. */
    static void printIssued(CommandSpec spec, IssuedKey issued, String email, boolean quiet) {
        spec.commandLine().getOut().println(issued.token());
        spec.commandLine().getOut().flush();
        if (!quiet) {
            ApiKey key = issued.apiKey();
            PrintWriter err = spec.commandLine().getErr();
            err.println("key " + key.id() + " (prefix " + key.prefix() + ") for " + email
                    + (key.expiresAt() == null ? "" : ", expires " + key.expiresAt())
                    + "; store the token now, it is not shown again");
            err.flush();
        }
    }

    /** The user with this email; the configured admin_email is created as root admin on first use. */
    static User userByEmail(Database db, GatewayConfig config, String email) {
        String adminEmail = config.get("admin_email");
        if (!adminEmail.isEmpty() && adminEmail.equalsIgnoreCase(email.strip())) {
            return db.users().ensureRootAdmin(adminEmail);
        }
        return db.users().findByEmail(email).orElseThrow(() -> new CommandFailure("no user with email " + email
                + "; add one with `gateway user add --email " + email + "`"));
    }

    @Command(name = "create", description = "Create a key for a user and print its token once.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "EMAIL", description = "The key's owner.")
        String user;

        @Option(names = "--expires-days", paramLabel = "N", description = "Expire after N days (default: never).")
        Integer expiresDays;

        @Option(names = "--scopes", paramLabel = "SCOPES", description = "Free-text scopes stored with the key.")
        String scopes;

        @Option(names = {"-q", "--quiet"}, description = "Print only the token.")
        boolean quiet;

        @Override
        public Integer call() {
            if (expiresDays != null && expiresDays <= 0) {
                throw new ParameterException(spec.commandLine(), "--expires-days must be 1 or more, got "
                        + expiresDays);
            }
            GatewayCli cli = GatewayCli.of(spec);
            GatewayConfig config = cli.config(spec);
            try (Database db = Database.open(config.ledgerPath())) {
                User owner = userByEmail(db, config, user);
                Instant expiresAt = expiresDays == null ? null : Instant.now().plus(Duration.ofDays(expiresDays));
                printIssued(spec, db.apiKeys().create(owner.id(), scopes, expiresAt), owner.email(), quiet);
            }
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "rotate", description = "Revoke a key and print the token of its replacement once.")
    static final class Rotate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The key's id (see `gateway key list`).")
        long id;

        @Option(names = {"-q", "--quiet"}, description = "Print only the token.")
        boolean quiet;

        @Override
        public Integer call() {
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                IssuedKey issued = db.apiKeys().rotate(id);
                String email = db.users().findById(issued.apiKey().userId()).map(User::email)
                        .orElse("user " + issued.apiKey().userId());
                printIssued(spec, issued, email, quiet);
            }
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "revoke", aliases = "delete", description = "Revoke a key; it stops working immediately.")
    static final class Revoke implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The key's id (see `gateway key list`).")
        long id;

        @Override
        public Integer call() {
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                db.apiKeys().revoke(id);
            }
            spec.commandLine().getOut().println("revoked key " + id);
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "list", description = "List keys (prefixes only; tokens are never stored).")
    static final class ListKeys implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--user", paramLabel = "EMAIL", description = "Only this user's keys.")
        String user;

        @Option(names = "--json", description = "Print JSON: {\"api_keys\":[...]}.")
        boolean json;

        @Override
        public Integer call() {
            GatewayConfig config = GatewayCli.of(spec).config(spec);
            List<ApiKey> keys;
            Map<Long, String> emails;
            try (Database db = Database.open(config.ledgerPath())) {
                Long userId = user == null ? null : userByEmail(db, config, user).id();
                keys = db.apiKeys().list(userId);
                emails = db.users().list().stream().collect(Collectors.toMap(User::id, User::email));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, Map.of("api_keys", keys.stream().map(JsonOutput::apiKey).toList()));
                return GatewayCli.EXIT_OK;
            }
            Function<Long, String> email = id -> emails.getOrDefault(id, "#" + id + " (deleted)");
            TextTable table = new TextTable("ID", "USER", "PREFIX", "STATUS", "CREATED", "EXPIRES", "REVOKED");
            keys.forEach(k -> table.row(k.id(), email.apply(k.userId()), k.prefix(), k.status(), k.createdAt(),
                    k.expiresAt(), k.revokedAt()));
            table.print(out);
            return GatewayCli.EXIT_OK;
        }
    }
}
