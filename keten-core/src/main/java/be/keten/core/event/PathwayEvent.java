package be.keten.core.event;

import be.keten.core.id.DossierId;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Arrival through a legal pathway, before the application is registered in Belgium (GUIDE §2.3, §7). */
public sealed interface PathwayEvent extends ChainEvent {

    /**
     * @param firstCountryOfAsylum where the persons were hosted before, e.g. LB for Lebanon
     * @param programmeYear the pledge year the arrival counts against
     */
    record ArrivedThroughPathway(DossierId dossier, LocalDate date, PathwayChannel channel, List<Person> persons,
                                 Nationality firstCountryOfAsylum, int programmeYear) implements PathwayEvent {
        public ArrivedThroughPathway {
            Checks.common(dossier, date);
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(firstCountryOfAsylum, "firstCountryOfAsylum");
            persons = Checks.household(persons);
            if (programmeYear < 2000 || programmeYear > 2100) {
                throw new IllegalArgumentException("programmeYear " + programmeYear + " is outside 2000..2100");
            }
        }
    }
}
