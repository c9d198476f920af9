package be.keten.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.id.PersonId;
import be.keten.core.reception.PlaceType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** A dossier's stays behave as the map they were copied from, in person order, and cannot be changed. */
class StaysTest {
    private static final LocalDate DAY = LocalDate.of(2024, 5, 1);

    private static PersonId person(int n) {
        return PersonId.of("P-T-" + (1000 + n));
    }

    private static Stay stay(int kind) {
        return switch (kind % 3) {
            case 0 -> Stay.waiting(DAY.plusDays(kind));
            case 1 -> Stay.placed("F-T-0001", PlaceType.COLLECTIVE, DAY.plusDays(kind));
            default -> Stay.placed("F-T-0002", PlaceType.INDIVIDUAL, DAY.minusDays(kind));
        };
    }

    @Property
    void aCopyIsEqualToItsSourceAndReadsTheSame(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 20) Integer> persons,
                                                @ForAll @IntRange(min = 0, max = 20) int asked) {
        Map<PersonId, Stay> source = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            source.put(person(persons.get(i)), stay(i));
        }
        Map<PersonId, Stay> copy = Stays.copyOf(source);
        assertThat(copy).isEqualTo(source);
        assertThat(source).isEqualTo(copy);
        assertThat(copy.hashCode()).isEqualTo(source.hashCode());
        assertThat(copy).isEqualTo(Map.copyOf(source));
        assertThat(copy.size()).isEqualTo(source.size());
        assertThat(copy.isEmpty()).isEqualTo(source.isEmpty());
        assertThat(copy.get(person(asked))).isEqualTo(source.get(person(asked)));
        assertThat(copy.containsKey(person(asked))).isEqualTo(source.containsKey(person(asked)));
        assertThat(copy.get("not a person")).isNull();
        List<PersonId> order = new ArrayList<>(copy.keySet());
        assertThat(order).isSorted().containsExactlyInAnyOrderElementsOf(source.keySet());
        assertThat(Stays.copyOf(copy)).isSameAs(copy);
    }

    /** Setting and removing stays one at a time (as the fold does) gives what a sorted map gives, and leaves the old stays as they were. */
    @Property
    void settingAndRemovingStaysIsWhatASortedMapDoes(@ForAll @Size(max = 30) List<@IntRange(min = -12, max = 12) Integer> steps) {
        java.util.TreeMap<PersonId, Stay> model = new java.util.TreeMap<>();
        Stays stays = (Stays) Stays.copyOf(Map.of());
        for (int i = 0; i < steps.size(); i++) {
            int n = steps.get(i);
            Map<PersonId, Stay> before = Map.copyOf(stays);
            Stays was = stays;
            if (n >= 0) {
                model.put(person(n), stay(i));
                stays = stays.with(person(n), stay(i));
            } else {
                model.remove(person(-n));
                stays = stays.without(person(-n));
            }
            assertThat(was).isEqualTo(before);
            assertThat(stays).isEqualTo(model);
            assertThat(new ArrayList<>(stays.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
        }
        assertThat(Stays.copyOf(model)).isEqualTo(stays);
    }

    /**
     * The changes between two stays are the persons whose stays differ as maps, each once, in person
     * order: whether the two share entries (one made from the other, as the fold does) or not (each
     * copied afresh, as from the store), and whether a stay was replaced by an equal one or not.
     */
    @Property
    void theChangesAreThePersonsWhoseStaysDiffer(@ForAll @Size(max = 8) List<@IntRange(min = 0, max = 9) Integer> start,
                                                 @ForAll @Size(max = 8) List<@IntRange(min = -9, max = 9) Integer> steps,
                                                 @ForAll @IntRange(min = 0, max = 3) int kindShift,
                                                 @ForAll boolean copied) {
        Stays was = (Stays) Stays.copyOf(Map.of());
        for (int i = 0; i < start.size(); i++) {
            was = was.with(person(start.get(i)), stay(i));
        }
        Stays is = was;
        for (int i = 0; i < steps.size(); i++) {
            int n = steps.get(i);
            is = n >= 0 ? is.with(person(n), stay((i + kindShift) % 8)) : is.without(person(-n));
        }
        Map<PersonId, Stay> from = copied ? Stays.copyOf(new HashMap<>(was)) : was;
        Map<PersonId, Stay> to = copied ? Stays.copyOf(new HashMap<>(is)) : is;

        java.util.TreeSet<PersonId> everyone = new java.util.TreeSet<>(from.keySet());
        everyone.addAll(to.keySet());
        List<String> expected = new ArrayList<>();
        for (PersonId p : everyone) {
            if (!java.util.Objects.equals(from.get(p), to.get(p))) {
                expected.add(p + ": " + from.get(p) + " -> " + to.get(p));
            }
        }
        List<String> given = new ArrayList<>();
        StayChanges changes = new StayChanges();
        for (int round = 0; round < 2; round++) {   // the cursor is reused, as its owners reuse it
            given.clear();
            for (StayChanges c = changes.of(from, to); c.next(); ) {
                given.add(c.person() + ": " + c.was() + " -> " + c.is());
            }
            assertThat(given).isEqualTo(expected);
        }
    }

    @Test
    void theStaysCannotBeChanged() {
        Map<PersonId, Stay> copy = Stays.copyOf(Map.of(person(1), stay(0), person(2), stay(1)));
        assertThatThrownBy(() -> copy.put(person(3), stay(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.remove(person(1))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(copy::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.entrySet().iterator().next().setValue(stay(2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.values().removeIf(s -> true)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(copy).hasSize(2);
    }

    @Test
    void aNullIsRefusedAsMapCopyOfRefusesIt() {
        Map<PersonId, Stay> withNull = new HashMap<>();
        withNull.put(person(1), null);
        assertThatThrownBy(() -> Stays.copyOf(withNull)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStateKeepsItsStaysInPersonOrder() {
        Map<PersonId, Stay> source = new HashMap<>();
        for (int i = 30; i > 0; i--) {
            source.put(person(i), stay(i));
        }
        DossierState s = DossierState.empty(be.keten.core.id.DossierId.of("D-T-0001"));
        DossierState withStays = new DossierState(s.dossier(), 1, DAY, s.state(), s.persons(), null, false, Map.of(), null, 0, null, null, null,
                null, null, null, false, false, null, null, null, null, null, null, null, null, null, null, null, source, java.util.Set.of());
        assertThat(new ArrayList<>(withStays.reception().keySet())).isSorted().hasSize(30);
        assertThat(withStays.reception()).isEqualTo(source);
    }
}
