package be.keten.server.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The dashboard's language: Dutch, French or English, chosen with {@code ?lang=} on any page and
 * kept in a cookie; without one, the browser's preference among the three (English otherwise).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.forLanguageTag("fr"), Locale.ENGLISH);
    static final String COOKIE = "keten-lang";

    /** One of the three languages: the cookie or {@code ?lang=} can hold nothing else. */
    static final class SupportedLocaleResolver extends CookieLocaleResolver {
        SupportedLocaleResolver() {
            super(COOKIE);
            setCookieMaxAge(Duration.ofDays(365));
            setCookieSameSite("Strict");
            setCookieHttpOnly(true);
            setDefaultLocaleFunction(request -> {
                for (var range : request.getLocales() == null ? List.<Locale>of() : java.util.Collections.list(request.getLocales())) {
                    Locale l = supported(range);
                    if (l != null) {
                        return l;
                    }
                }
                return Locale.ENGLISH;
            });
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            Locale l = locale == null ? null : supported(locale);
            super.setLocale(request, response, l == null ? Locale.ENGLISH : l);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            Locale l = supported(super.resolveLocale(request));
            return l == null ? Locale.ENGLISH : l;
        }
    }

    static Locale supported(Locale l) {
        for (Locale s : LANGUAGES) {
            if (s.getLanguage().equals(l.getLanguage())) {
                return s;
            }
        }
        return null;
    }

    @Bean
    public LocaleResolver localeResolver() {
        return new SupportedLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }

    /**
     * The report's own fragments (keten-stats), reached by their classpath name such as
     * {@code be/keten/stats/report/table}: the dashboard draws report tables with the same markup
     * as the HTML and PDF reports.
     */
    @Bean
    ClassLoaderTemplateResolver reportTemplates() {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver(WebConfiguration.class.getClassLoader());
        r.setResolvablePatterns(java.util.Set.of("be/keten/stats/report/*"));
        r.setSuffix(".html");
        r.setTemplateMode(TemplateMode.HTML);
        r.setCharacterEncoding("UTF-8");
        r.setCheckExistence(true);
        r.setOrder(0);
        return r;
    }
}
