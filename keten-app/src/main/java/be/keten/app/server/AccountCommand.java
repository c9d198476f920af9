package be.keten.app.server;

import be.keten.app.cli.DatabaseOption;
import be.keten.app.cli.DbCommand;
import be.keten.app.cli.ExitCode;
import be.keten.server.security.AccountService;
import be.keten.server.security.CredentialCache;
import be.keten.server.security.Role;
import be.keten.server.security.SecurityConfiguration;
import be.keten.store.Accounts;
import be.keten.store.Actor;
import be.keten.store.AuditLog;
import be.keten.store.Database;
import be.keten.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code keten account}: the server's accounts from the host's command line — for automation and
 * for the administrator who lost the password (the server must be stopped when the store is an H2
 * file). Every change is audited with the OS user as actor.
 */
@Command(name = "account", mixinStandardHelpOptions = true, description = "The server's accounts (roles: dvz, cgvs, rvv, fedasil, analyst, admin).",
        subcommands = {AccountCommand.Add.class, AccountCommand.ResetPassword.class, AccountCommand.Disable.class, AccountCommand.ListAll.class})
public final class AccountCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static AccountService service(Database d) {
        Clock clock = Clock.systemUTC();
        return new AccountService(new Accounts(d, clock), SecurityConfiguration.passwords(), new AuditLog(d, clock), new CredentialCache());
    }

    /** Shared by the subcommands: opens the store, runs, maps errors to exit codes. */
    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOption db;

        @Option(names = "--as", paramLabel = "NAME", description = "Who does it, for the audit log (default: the OS user).")
        String as;

        @Override
        public Integer call() {
            try (Database d = Database.open(db.url())) {
                return run(service(d), Actor.local(DbCommand.actor(as)), spec.commandLine().getOut(), spec.commandLine().getErr());
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("keten: " + e.getMessage());
                return ExitCode.INVALID_INPUT;
            } catch (StoreException e) {
                return DbCommand.databaseError(spec, e);
            }
        }

        abstract int run(AccountService accounts, Actor by, PrintWriter out, PrintWriter err);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; its generated password is printed once.")
    static final class Add extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "Account name: 2 to 64 letters, digits, '.', '-', '_'.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "One of dvz, cgvs, rvv, fedasil, analyst, admin.")
        String role;

        @Override
        int run(AccountService accounts, Actor by, PrintWriter out, PrintWriter err) {
            Optional<Role> r = Role.of(role);
            if (r.isEmpty()) {
                err.println("keten: --role " + role + " is not a role; one of "
                        + Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", ")));
                return ExitCode.USAGE;
            }
            AccountService.Created c = accounts.create(name, r.get(), by);
            out.println("account " + c.account().username() + " (" + r.get().code() + ") created; password: " + c.password());
            return ExitCode.OK;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true, description = "Give an account a new generated password, printed once.")
    static final class ResetPassword extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The account's user name.")
        String name;

        @Override
        int run(AccountService accounts, Actor by, PrintWriter out, PrintWriter err) {
            Optional<String> p = accounts.resetPassword(name, by);
            if (p.isEmpty()) {
                err.println("keten: no account named " + name);
                return ExitCode.NOT_FOUND;
            }
            out.println("account " + name + ": new password: " + p.get());
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account (accounts are never deleted; --enable undoes it).")
    static final class Disable extends Base {
        @Parameters(index = "0", paramLabel = "NAME", description = "The account's user name.")
        String name;

        @Option(names = "--enable", description = "Enable the account again.")
        boolean enable;

        @Override
        int run(AccountService accounts, Actor by, PrintWriter out, PrintWriter err) {
            if (!accounts.setDisabled(name, !enable, by)) {
                err.println("keten: no account named " + name);
                return ExitCode.NOT_FOUND;
            }
            out.println("account " + name + (enable ? " enabled" : " disabled"));
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every account with its role and state.")
    static final class ListAll extends Base {
        @Override
        int run(AccountService accounts, Actor by, PrintWriter out, PrintWriter err) {
            for (Accounts.Account a : accounts.list()) {
                out.printf("%-24s %-8s %s%s%n", a.username(), a.role(), a.createdAt(), a.disabled() ? "  disabled" : "");
            }
            return ExitCode.OK;
        }
    }
}
