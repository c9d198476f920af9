package be.keten.stats.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.person.Nationality;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Month;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The message catalogue: one set of keys in three languages, valid patterns, the chain's own terms. */
class MessagesTest {

    /** Reads one file of the catalogue as strict UTF-8 (a Latin-1 file would fail here, not show "Ã©" in a report). */
    private static Properties file(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("messages" + suffix + ".properties")) {
            assertThat(in).as("messages%s.properties", suffix).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)));
        }
        return p;
    }

    @Test
    void everyLanguageHasTheSameKeysAndNoneFallsBackToTheBase() throws IOException {
        Set<String> nl = new TreeSet<>(file("_nl").stringPropertyNames());
        Set<String> fr = new TreeSet<>(file("_fr").stringPropertyNames());
        Set<String> en = new TreeSet<>(file("_en").stringPropertyNames());
        Set<String> base = file("").stringPropertyNames();
        assertThat(fr).isEqualTo(nl);
        assertThat(en).isEqualTo(nl);
        assertThat(nl).hasSizeGreaterThan(100).doesNotContainAnyElementsOf(base);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyMessageIsAValidPatternWithoutAStraightApostrophe(Language l) throws IOException {
        Properties p = file("_" + l.code());
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            assertThat(v).as(key).isNotBlank().doesNotContain("'");
            new MessageFormat(v, l.locale());   // throws on a broken pattern
            if (key.startsWith("sheet.")) {
                assertThat(v.length()).as(key).isLessThanOrEqualTo(31);
                assertThat(v).as(key).doesNotContainPattern("[\\[\\]:*?/\\\\]");
            }
        }
    }

    @Test
    void theChainsTermsInEachLanguage() {
        Messages nl = new Messages(Language.NL);
        Messages fr = new Messages(Language.FR);
        Messages en = new Messages(Language.EN);
        assertThat(nl.get("rate.label")).isEqualTo("Beschermingsgraad");
        assertThat(fr.get("rate.label")).isEqualTo("Taux de protection");
        assertThat(en.get("rate.label")).isEqualTo("Protection rate");
        assertThat(nl.get("workload.backlog", "1")).contains("reële achterstand");
        assertThat(fr.get("workload.backlog", "1")).contains("arriéré");
        assertThat(en.get("workload.backlog", "1")).contains("real backlog");
        assertThat(nl.get("workload.title")).contains("Werklast").contains("CGVS");
        assertThat(fr.get("workload.title")).contains("Charge de travail").contains("CGRA");
        assertThat(en.get("workload.title")).contains("Workload").contains("CGRS");
        assertThat(nl.get("applications.title")).contains("DVZ");
        assertThat(fr.get("applications.title")).contains("OE");
        assertThat(nl.get("applicants.first_excl_resettlement")).contains("eerste verzoek om internationale bescherming");
        assertThat(fr.get("applicants.first_excl_resettlement")).contains("première demande de protection internationale");
        assertThat(nl.get("decisions.group.interim")).isEqualTo("Tussenbeslissingen");
        assertThat(fr.get("decisions.group.final")).isEqualTo("Décisions finales");
    }

    @Test
    void numbersMonthsAndCountriesAreWrittenTheLanguagesWay() {
        Messages nl = new Messages(Language.NL);
        Messages fr = new Messages(Language.FR);
        Messages en = new Messages(Language.EN);
        assertThat(nl.integer(24764)).isEqualTo("24.764");
        assertThat(en.integer(24764)).isEqualTo("24,764");
        assertThat(fr.integer(24764)).matches("24\\h764");
        assertThat(nl.percent(0.431)).isEqualTo("43,1%");
        assertThat(fr.percent(0.431)).isEqualTo("43,1\u00a0%");
        assertThat(en.percent(0.431)).isEqualTo("43.1%");
        assertThat(en.percent(Double.NaN)).isNull();
        assertThat(nl.month(java.time.YearMonth.of(2023, 11))).isEqualTo("november 2023");
        assertThat(nl.monthName(Month.MARCH)).isEqualTo("Maart");
        assertThat(nl.monthShort(Month.MARCH)).isEqualTo("Mrt");
        assertThat(fr.monthShort(Month.FEBRUARY)).isEqualTo("Févr.");
        // The publications' own labels where they differ from the JDK's country names.
        assertThat(nl.country(Nationality.of("CD"))).isEqualTo("Congo (DRC)");
        assertThat(nl.country(Nationality.of("PS"))).isEqualTo("Palestina");
        assertThat(nl.country(Nationality.of("SY"))).isEqualTo("Syrië");
        assertThat(fr.country(Nationality.STATELESS)).isEqualTo("Apatride");
        assertThat(en.country(Nationality.of("TR"))).isEqualTo("Türkiye");
    }
}
