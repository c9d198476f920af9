package be.keten.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The hand-written id check accepts exactly what the documented regular expression accepts. */
class PseudonymousIdTest {
    private static final Pattern BODY = Pattern.compile(PseudonymousId.BODY);

    /** Mostly id characters, with their neighbours in ASCII and a few others, around the length bounds. */
    @Property(tries = 5000)
    void agreesWithTheRegexNearTheBoundaries(@ForAll @StringLength(max = 44) @CharRange(from = 'A', to = 'Z') @CharRange(from = 'a', to = 'z')
                                             @CharRange(from = '0', to = '9') @Chars({'-', '_', '@', '[', '`', '{', '/', ':', ',', '.', ' ', 'é', 'İ', '\u212A'})
                                             String body) {
        assertThat(PseudonymousId.validBody(body, 0)).isEqualTo(BODY.matcher(body).matches());
        assertAgreesAsId(body);
    }

    @Property(tries = 2000)
    void agreesWithTheRegexOnAnyString(@ForAll @StringLength(max = 44) String body) {
        assertThat(PseudonymousId.validBody(body, 0)).isEqualTo(BODY.matcher(body).matches());
        assertAgreesAsId(body);
    }

    @Example
    void lengthBounds() {
        assertThat(PersonId.of("P-" + "a".repeat(4)).value()).hasSize(6);
        assertThat(DossierId.of("D-" + "9".repeat(40)).value()).hasSize(42);
        assertThatThrownBy(() -> PersonId.of("P-abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid person id 'P-abc': expected 'P-' followed by 4 to 40 letters, digits, '-' or '_' (pseudonymous identifiers only)");
        assertThatThrownBy(() -> ApplicationId.of("A-" + "x".repeat(41))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DossierId.of("X-2023-000123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DossierId.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertAgreesAsId(String body) {
        boolean valid = BODY.matcher(body).matches();
        try {
            PersonId.of("P-" + body);
            assertThat(valid).as("accepted P-%s", body).isTrue();
        } catch (IllegalArgumentException e) {
            assertThat(valid).as("refused P-%s", body).isFalse();
        }
    }
}
