package be.keten.server.web;

import be.keten.server.security.Access;
import be.keten.server.security.AccountService;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.store.Accounts;
import be.keten.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Accounts, for administrators: the list, a new account (its generated password is shown once,
 * right after), disable and enable. Every change is audited by {@link AccountService}.
 */
@Controller
public class AccountsPage {
    private final AccountService accounts;
    private final CurrentUser user;
    private final MessageSource messages;

    public AccountsPage(AccountService accounts, CurrentUser user, MessageSource messages) {
        this.accounts = accounts;
        this.user = user;
        this.messages = messages;
    }

    /** A new account's name and its password, shown once. */
    public record Created(String username, String role, String password) {
    }

    @GetMapping("/accounts")
    public String list(Model model) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "accounts";
    }

    @PostMapping("/accounts")
    public String create(@RequestParam String username, @RequestParam String role, HttpServletRequest request, RedirectAttributes redirect) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        String name = username.strip();
        Optional<Role> r = Role.of(role);
        if (r.isEmpty()) {
            redirect.addFlashAttribute("error", msg("accounts.error.role"));
            return "redirect:/accounts";
        }
        if (!Accounts.NAME.matcher(name).matches()) {
            redirect.addFlashAttribute("error", msg("accounts.error.name"));
            return "redirect:/accounts";
        }
        if (accounts.list().stream().anyMatch(a -> a.username().equalsIgnoreCase(name))) {
            redirect.addFlashAttribute("error", msg("accounts.error.exists", name));
            return "redirect:/accounts";
        }
        try {
            AccountService.Created c = accounts.create(name, r.get(), user.actor(request));
            redirect.addFlashAttribute("created", new Created(c.account().username(), r.get().code(), c.password()));
        } catch (StoreException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", msg("accounts.error.create", name));
        }
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{username}/disable")
    public String disable(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
        return setDisabled(username, true, request, redirect);
    }

    @PostMapping("/accounts/{username}/enable")
    public String enable(@PathVariable String username, HttpServletRequest request, RedirectAttributes redirect) {
        return setDisabled(username, false, request, redirect);
    }

    private String setDisabled(String username, boolean disabled, HttpServletRequest request, RedirectAttributes redirect) {
        user.require(Access.ADMINISTRATORS, "manage accounts");
        if (disabled && username.equals(user.name())) {
            redirect.addFlashAttribute("error", msg("accounts.error.self"));
            return "redirect:/accounts";
        }
        if (!accounts.setDisabled(username, disabled, user.actor(request))) {
            redirect.addFlashAttribute("error", msg("accounts.error.unknown", username));
        } else {
            redirect.addFlashAttribute("done", msg(disabled ? "accounts.disabled" : "accounts.enabled", username));
        }
        return "redirect:/accounts";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
