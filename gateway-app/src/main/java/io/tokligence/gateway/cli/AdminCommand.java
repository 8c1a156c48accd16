package io.tokligence.gateway.cli;

import picocli.CommandLine.Command;

/** The Go gateway's spellings, so its users' scripts keep working: admin users ..., admin api-keys .... */
@Command(name = "admin", description = "Go-gateway compatible aliases: admin users list|create|update|delete, "
        + "admin api-keys list|create|delete.",
        subcommands = {AdminCommand.Users.class, AdminCommand.ApiKeys.class})
final class AdminCommand extends CommandGroup {

    @Command(name = "users", description = "Same as `gateway user`.",
            subcommands = {UserCommand.ListUsers.class, UserCommand.Add.class, UserCommand.Update.class,
                    UserCommand.Delete.class})
    static final class Users extends CommandGroup {
    }

    @Command(name = "api-keys", description = "Same as `gateway key`.",
            subcommands = {KeyCommand.ListKeys.class, KeyCommand.Create.class, KeyCommand.Revoke.class})
    static final class ApiKeys extends CommandGroup {
    }
}
