package be.keten.stats;

import static org.assertj.core.api.Assertions.assertThat;

import be.keten.core.person.Nationality;
import be.keten.core.person.Sex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResidentTest {
    @Test
    void profilesAYearAndANationalityLetterApartHashApart() {
        // The record's own hash gave these two the same value.
        Resident a = new Resident(false, Sex.MALE, 1990, Nationality.of("AF"), ResidentCategory.PROCEDURE_PENDING);
        Resident b = new Resident(false, Sex.MALE, 1989, Nationality.of("BF"), ResidentCategory.PROCEDURE_PENDING);
        assertThat(a).isNotEqualTo(b);
        assertThat(a.hashCode()).isNotEqualTo(b.hashCode());
    }

    @Test
    void everyProfileOfARealisticRangeHasItsOwnHash() {
        List<Resident> all = new ArrayList<>();
        for (String nat : new String[] {"AF", "BF", "SY", "SZ", "TZ", "ER", "FR", "PS", "TR", "CD", "GN", "SO", "IQ", "BI", "CM", "DM", "VE",
                "CO", "GE", "MA", "DZ", "PK", "UA", "RU"}) {
            for (int year = 1940; year <= 2026; year++) {
                for (Sex sex : Sex.values()) {
                    for (ResidentCategory category : ResidentCategory.values()) {
                        all.add(new Resident(false, sex, year, Nationality.of(nat), category));
                        all.add(new Resident(true, sex, year, Nationality.of(nat), category));
                    }
                }
            }
        }
        Set<Integer> hashes = new HashSet<>();
        all.forEach(r -> hashes.add(r.hashCode()));
        assertThat(hashes).hasSize(all.size());
    }

    @Test
    void equalProfilesHashAlike() {
        assertThat(new Resident(true, Sex.FEMALE, 2015, Nationality.of("SY"), ResidentCategory.OTHER))
                .hasSameHashCodeAs(new Resident(true, Sex.FEMALE, 2015, Nationality.of("SY"), ResidentCategory.OTHER));
    }
}
