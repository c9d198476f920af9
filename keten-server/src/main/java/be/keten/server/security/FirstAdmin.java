package be.keten.server.security;

import be.keten.store.Actor;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start (no account at all) creates the account {@code admin} with a generated
 * password and prints it once on the console — not in the log. There is no default password.
 */
@Component
@Order(0)
public class FirstAdmin implements ApplicationRunner {
    public static final String NAME = "admin";

    private final AccountService accounts;
    private final PrintStream console;

    @org.springframework.beans.factory.annotation.Autowired
    public FirstAdmin(AccountService accounts) {
        this(accounts, System.out);
    }

    FirstAdmin(AccountService accounts, PrintStream console) {
        this.accounts = accounts;
        this.console = console;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.none()) {
            return;
        }
        AccountService.Created c = accounts.create(NAME, Role.ADMIN, new Actor("keten-server", "first-start"));
        console.println();
        console.println("================================================================================");
        console.println(" First start: created the administrator account '" + NAME + "' with password");
        console.println();
        console.println("     " + c.password());
        console.println();
        console.println(" It is shown this once and stored only as a hash. Log in, then create the");
        console.println(" agencies' accounts on the Accounts page (or POST /api/admin/accounts).");
        console.println("================================================================================");
        console.println();
        console.flush();
    }
}
