package be.keten.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.event.PathwayEvent.ArrivedThroughPathway;
import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ReceptionEvent.LeftReception;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.reception.LeaveReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An event names each person of its household once, whichever way it is built. */
class ChecksTest {
    private static final DossierId D = DossierId.of("D-T-0001");
    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final Person MOTHER = new Person(PersonId.of("P-T-0001"), Nationality.of("SY"), Sex.FEMALE, 1990, false);
    private static final Person SON = new Person(PersonId.of("P-T-0002"), Nationality.of("SY"), Sex.MALE, 2015, false);
    // The mother again, recorded with another year of birth: the same person.
    private static final Person MOTHER_AGAIN = new Person(PersonId.of("P-T-0001"), Nationality.of("SY"), Sex.FEMALE, 1991, false);

    private static ApplicationRegistered registered(List<Person> persons) {
        return new ApplicationRegistered(D, DAY, ApplicationId.of("A-T-0001"), ApplicationType.FIRST, persons, LanguageRole.NL, false);
    }

    private static ArrivedThroughPathway arrived(List<Person> persons) {
        return new ArrivedThroughPathway(D, DAY, PathwayChannel.RESETTLEMENT, persons, Nationality.of("LB"), 2024);
    }

    @Test
    void aHouseholdNamingAPersonTwiceIsRefusedOnEitherWayIn() {
        assertThatThrownBy(() -> registered(List.of(MOTHER, SON, MOTHER_AGAIN))).hasMessage("persons names person P-T-0001 twice");
        assertThatThrownBy(() -> arrived(List.of(MOTHER, SON, MOTHER_AGAIN))).hasMessage("persons names person P-T-0001 twice");
        assertThatThrownBy(() -> registered(List.of(MOTHER, MOTHER))).hasMessage("persons names person P-T-0001 twice");
    }

    @Test
    void anEmptyHouseholdIsRefused() {
        assertThatThrownBy(() -> registered(List.of())).hasMessage("persons must name at least one person");
        assertThatThrownBy(() -> arrived(List.of())).hasMessage("persons must name at least one person");
        assertThatThrownBy(() -> new LeftReception(D, DAY, LeaveReason.VOLUNTARY_DEPARTURE, List.of()))
                .hasMessage("persons must name at least one person");
    }

    @Test
    void largeGroupsAreCheckedToo() {
        List<PersonId> many = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            many.add(PersonId.of("P-T-" + (1000 + i)));
        }
        assertThat(new LeftReception(D, DAY, LeaveReason.VOLUNTARY_DEPARTURE, many).persons()).hasSize(40);
        many.add(PersonId.of("P-T-1017"));
        assertThatThrownBy(() -> new LeftReception(D, DAY, LeaveReason.VOLUNTARY_DEPARTURE, many)).hasMessage("persons names person P-T-1017 twice");
        List<Person> household = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            household.add(new Person(PersonId.of("P-T-" + (1000 + i)), Nationality.of("AF"), Sex.MALE, 2000 + i, false));
        }
        assertThat(registered(household).persons()).hasSize(20);
        household.add(new Person(PersonId.of("P-T-1003"), Nationality.of("AF"), Sex.FEMALE, 1980, false));
        assertThatThrownBy(() -> registered(household)).hasMessage("persons names person P-T-1003 twice");
    }

    @Test
    void theListIsCopied() {
        List<Person> persons = new ArrayList<>(List.of(MOTHER, SON));
        ApplicationRegistered e = registered(persons);
        persons.clear();
        assertThat(e.persons()).containsExactly(MOTHER, SON);
    }
}
