package be.keten.server.web;

import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.security.Role;
import be.keten.server.seed.SyntheticSeed;
import be.keten.store.Settings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page shows around its content: the navigation (only the pages the role may open), the
 * language switch, the synthetic-data banner and the data-loading notice.
 */
@ControllerAdvice(basePackageClasses = PageModel.class)
public class PageModel {
    /** A page of the navigation; {@code key} names its label in the messages. */
    public record NavItem(String path, String key, boolean current) {
    }

    /** A link to the same page in another language. */
    public record LanguageLink(String code, String label, String href, boolean current) {
    }

    /** What the dataset is; {@code synthetic} with its months and seed when the data are generated. */
    public record Dataset(boolean synthetic, String from, String to, String seed) {
        /** Parses {@code synthetic:FROM:TO:SEED}; anything else is real data. */
        public static Optional<Dataset> of(String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            String[] p = value.split(":");
            if (p.length >= 1 && SyntheticSeed.SYNTHETIC.equals(p[0])) {
                return Optional.of(new Dataset(true, p.length > 1 ? p[1] : "?", p.length > 2 ? p[2] : "?", p.length > 3 ? p[3] : "?"));
            }
            return Optional.of(new Dataset(false, null, null, null));
        }
    }

    private record Page(String path, String key, Set<Role> roles) {
    }

    private static final List<Page> PAGES = List.of(
            new Page("/", "nav.overview", Access.AGGREGATE_READERS),
            new Page("/statistics", "nav.statistics", Access.AGGREGATE_READERS),
            new Page("/reception", "nav.reception", Access.AGGREGATE_READERS),
            new Page("/what-if", "nav.whatif", Access.SIMULATORS),
            new Page("/cases", "nav.cases", Access.CASE_READERS),
            new Page("/audit", "nav.audit", Access.ADMINISTRATORS),
            new Page("/accounts", "nav.accounts", Access.ADMINISTRATORS));

    private final CurrentUser user;
    private final Settings settings;
    private final SyntheticSeed seed;

    public PageModel(CurrentUser user, Settings settings, SyntheticSeed seed) {
        this.user = user;
        this.settings = settings;
        this.seed = seed;
    }

    @ModelAttribute("nav")
    public List<NavItem> nav(HttpServletRequest request) {
        Optional<Role> role = user.role();
        String path = request.getServletPath();
        List<NavItem> out = new ArrayList<>();
        for (Page p : PAGES) {
            if (role.isPresent() && p.roles().contains(role.get())) {
                boolean current = p.path().equals("/") ? path.equals("/") : path.equals(p.path()) || path.startsWith(p.path() + "/");
                out.add(new NavItem(p.path(), p.key(), current));
            }
        }
        return out;
    }

    @ModelAttribute("languages")
    public List<LanguageLink> languages(HttpServletRequest request) {
        String current = LocaleContextHolder.getLocale().getLanguage();
        List<LanguageLink> out = new ArrayList<>();
        for (Locale l : WebConfiguration.LANGUAGES) {
            String href = UriComponentsBuilder.fromPath(request.getRequestURI()).query("GET".equals(request.getMethod()) ? request.getQueryString() : null)
                    .replaceQueryParam("lang", l.getLanguage()).build().toUriString();
            out.add(new LanguageLink(l.getLanguage(), l.getLanguage().toUpperCase(Locale.ROOT), href, l.getLanguage().equals(current)));
        }
        return out;
    }

    @ModelAttribute("dataset")
    public Dataset dataset() {
        return Dataset.of(settings.get(Settings.DATASET).orElse(null)).orElse(null);
    }

    @ModelAttribute("loading")
    public boolean loading() {
        return seed.loading();
    }

    @ModelAttribute("loadingPhase")
    public String loadingPhase() {
        return seed.phase().name().toLowerCase(Locale.ROOT);
    }

    @ModelAttribute("userName")
    public String userName() {
        return user.name();
    }

    @ModelAttribute("loggedIn")
    public boolean loggedIn() {
        var a = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && !(a instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
    }

    @ModelAttribute("userRole")
    public String userRole() {
        return user.role().map(Role::code).orElse("");
    }
}
