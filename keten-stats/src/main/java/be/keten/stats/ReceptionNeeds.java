package be.keten.stats;

import be.keten.core.calendar.Period;

import be.keten.core.event.ChainEvent;
import be.keten.core.id.DossierId;
import be.keten.core.person.Person;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.core.state.Stay;
import be.keten.core.state.StayChanges;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reception figures beyond Fedasil's published ones, accumulated from events like
 * {@link ChainStatistics} (each dossier folded with the core's {@link Evolution}):
 * <ul>
 * <li><b>waiting time</b>: days from joining the waiting list to the placement, for persons placed
 * from the list, counted in the month of the placement;</li>
 * <li><b>entitled not accommodated</b>: persons of a dossier Fedasil found entitled to material aid,
 * whose application is still in procedure (registration to the RvV judgment), and who have no
 * place at the end of the day — whether on the waiting list or not (those who left it unplaced);
 * persons received by a community sponsorship are accommodated;</li>
 * <li><b>required capacity</b>: the places that would have kept the waiting list at zero while
 * occupancy stays at the saturation threshold.</li>
 * </ul>
 */
public final class ReceptionNeeds implements java.util.function.Consumer<ChainEvent> {
    private final Map<DossierId, DossierState> states = new HashMap<>();
    private final StockSeries<Unit> entitledNotAccommodated = new StockSeries<>();
    // month -> {placements from the waiting list, days waited}
    private final Map<YearMonth, long[]> waits = new HashMap<>();
    private final StayChanges stayChanges = new StayChanges();

    @Override
    public void accept(ChainEvent e) {
        DossierState before = states.computeIfAbsent(e.dossier(), DossierState::empty);
        DossierState after = Evolution.apply(before, e);
        states.put(e.dossier(), after);
        accept(e, before, after);
    }

    /**
     * The same as {@link #accept(ChainEvent)} for a caller that has already folded the dossier with
     * the core's {@link Evolution} (a simulation holds the state the rulebook accepted): {@code before}
     * is the dossier after its previous event given here (empty for its first), {@code after} is
     * {@code Evolution.apply(before, e)}. It spares folding every event a second time, and keeping a
     * second copy of every state: the caller holds them, so a dossier given here is not known to a
     * later {@link #accept(ChainEvent)}.
     */
    public void accept(ChainEvent e, DossierState before, DossierState after) {
        boolean sameStays = before.reception() == after.reception();   // the core keeps the map when no stay changed
        // Most events change neither the stays, nor the household, nor the entitlement, nor the stage.
        if (!sameStays || before.persons() != after.persons() || before.entitled() != after.entitled()
                || ResidentCategory.of(before.state()) != ResidentCategory.of(after.state())) {
            entitledNotAccommodated.change(Unit.PERSONS, e.date(), unaccommodated(after) - unaccommodated(before));
        }
        if (sameStays) {
            return;
        }
        for (StayChanges c = stayChanges.of(before, after); c.next(); ) {
            if (c.was() != null && c.was().waiting() && c.is() != null && c.is().placed()) {
                long[] w = waits.computeIfAbsent(YearMonth.from(e.date()), k -> new long[2]);
                w[0]++;
                w[1] += ChronoUnit.DAYS.between(c.was().enteredOn(), e.date());
            }
        }
    }

    /** A dossier already in state {@code s} at the end of {@code day}, past events not given: as {@link ChainStatistics#carryOver}. */
    public void carryOver(DossierState s, LocalDate day) {
        if (states.putIfAbsent(s.dossier(), s) != null) {
            throw new IllegalStateException("dossier " + s.dossier() + " is already known to the reception figures");
        }
        entitledNotAccommodated.change(Unit.PERSONS, day, unaccommodated(s));
    }

    /** Entitled persons in procedure without a place, in one dossier state. */
    static long unaccommodated(DossierState s) {
        if (!Boolean.TRUE.equals(s.entitled()) || ResidentCategory.of(s.state()) != ResidentCategory.PROCEDURE_PENDING) {
            return 0;
        }
        long n = 0;
        List<Person> persons = s.persons();
        for (int i = 0; i < persons.size(); i++) {   // no iterator: this runs for many events
            Stay st = s.reception().get(persons.get(i).id());
            if (st == null || st.waiting()) {   // a sponsored person is received, outside the network
                n++;
            }
        }
        return n;
    }

    /** Persons entitled to material aid, in procedure and without a place at the end of {@code day}. */
    public long entitledNotAccommodated(LocalDate day) {
        return entitledNotAccommodated.at(Unit.PERSONS, day);
    }

    /** Mean days waited by the persons placed from the waiting list in the period; empty when none was. */
    public OptionalDouble meanWaitingDays(Period p) {
        long n = 0;
        long days = 0;
        for (YearMonth m : p.months()) {
            long[] w = waits.get(m);
            if (w != null) {
                n += w[0];
                days += w[1];
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(days / (double) n);
    }

    /** Persons placed from the waiting list in the period. */
    public long placedFromWaitingList(Period p) {
        return p.months().stream().mapToLong(m -> waits.getOrDefault(m, new long[2])[0]).sum();
    }

    /**
     * Places needed so that everyone placed or waiting would be placed with occupancy at the
     * saturation threshold: {@code ceil((occupancy + waiting) / threshold)}.
     */
    public static long requiredCapacity(long occupancy, long waiting, double saturationThreshold) {
        if (saturationThreshold <= 0 || saturationThreshold > 1) {
            throw new IllegalArgumentException("saturation threshold " + saturationThreshold + " is outside (0, 1]");
        }
        return (long) Math.ceil((occupancy + waiting) / saturationThreshold - 1e-9);
    }

}
