package io.tokligence.gateway.cli;

import io.tokligence.gateway.store.Database;
import io.tokligence.gateway.store.User;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "user", description = "Manage gateway users.",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Update.class,
                UserCommand.Delete.class})
final class UserCommand extends CommandGroup {

    /** A null role means "unchanged" and passes. */
    static void requireRole(CommandSpec spec, String role) {
        if (role != null && !User.ROLES.contains(role)) {
            throw new ParameterException(spec.commandLine(),
                    "--role must be gateway_user, gateway_admin or root_admin, got '" + role + "'");
        }
    }

    @Command(name = "add", aliases = "create", description = "Add a user.")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "Login email (unique).")
        String email;

        @Option(names = "--role", defaultValue = User.GATEWAY_USER, paramLabel = "ROLE",
                description = "gateway_user, gateway_admin or root_admin (default: ${DEFAULT-VALUE}).")
        String role;

        @Option(names = {"--name", "--display-name"}, paramLabel = "NAME", description = "Display name.")
        String name;

        @Override
        public Integer call() {
            requireRole(spec, role);
            if (!email.contains("@")) {
                throw new ParameterException(spec.commandLine(), "--email must contain '@', got '" + email + "'");
            }
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                User user = db.users().create(email, role, name);
                spec.commandLine().getOut().println("created user " + user.id() + " " + user.email() + " ("
                        + user.role() + ")");
            }
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "update", description = "Change a user's role, display name or status.")
    static final class Update implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The user's id (see `gateway user list`).")
        long id;

        @Option(names = "--role", paramLabel = "ROLE", description = "gateway_user, gateway_admin or root_admin.")
        String role;

        @Option(names = {"--name", "--display-name"}, paramLabel = "NAME", description = "Display name.")
        String name;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "active or inactive (an inactive user's keys stop working).")
        String status;

        @Override
        public Integer call() {
            if (role == null && name == null && status == null) {
                throw new ParameterException(spec.commandLine(), "nothing to change; give --role, --name or --status");
            }
            requireRole(spec, role);
            if (status != null && !User.STATUSES.contains(status)) {
                throw new ParameterException(spec.commandLine(),
                        "--status must be active or inactive, got '" + status + "'");
            }
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                User user = db.users().update(id, role, name, status);
                spec.commandLine().getOut().println("updated user " + user.id() + " " + user.email() + " ("
                        + user.role() + ", " + user.status() + ")");
            }
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "delete", description = "Delete a user and revoke their keys (ledger rows stay).")
    static final class Delete implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The user's id (see `gateway user list`).")
        long id;

        @Override
        public Integer call() {
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                db.users().delete(id);
            }
            spec.commandLine().getOut().println("deleted user " + id);
            return GatewayCli.EXIT_OK;
        }
    }

    @Command(name = "list", description = "List users.")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print JSON: {\"users\":[...]}.")
        boolean json;

        @Override
        public Integer call() {
            List<User> users;
            try (Database db = GatewayCli.of(spec).openDatabase(spec)) {
                users = db.users().list();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, Map.of("users", users.stream().map(JsonOutput::user).toList()));
                return GatewayCli.EXIT_OK;
            }
            TextTable table = new TextTable("ID", "EMAIL", "ROLE", "NAME", "STATUS", "CREATED");
            users.forEach(u -> table.row(u.id(), u.email(), u.role(), u.displayName(), u.status(), u.createdAt()));
            table.print(out);
            return GatewayCli.EXIT_OK;
        }
    }
}
