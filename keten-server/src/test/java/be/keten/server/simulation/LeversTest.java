package be.keten.server.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.keten.core.reception.PlaceType;
import be.keten.sim.Scenario;
import be.keten.sim.ScenarioFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each lever changes exactly what it says, and nothing else. */
class LeversTest {
    static final Path BASELINE = Path.of("../examples/scenarios/baseline-2025.yaml");
    static final Path POLICIES = Path.of("../examples/policies/scenario-2025.yaml");
    static Scenario base;

    @BeforeAll
    static void read() throws Exception {
        base = ScenarioFile.read(BASELINE);
    }

    /** Every part of the scenario other than those named is the very same object. */
    private static void sameExcept(Scenario a, Scenario b, String... changed) {
        List<String> c = List.of(changed);
        assertEquals(a.name(), b.name());
        assertEquals(a.start(), b.start());
        if (!c.contains("horizon")) {
            assertEquals(a.horizonMonths(), b.horizonMonths());
        }
        assertSame(a.initial(), b.initial());
        if (!c.contains("inflow")) {
            assertSame(a.inflow(), b.inflow());
        }
        assertSame(a.pathways(), b.pathways());
        assertSame(a.dvz(), b.dvz());
        if (!c.contains("cgvs")) {
            assertSame(a.cgvs(), b.cgvs());
        }
        assertSame(a.rvv(), b.rvv());
        if (!c.contains("reception")) {
            assertSame(a.reception(), b.reception());
        }
        if (!c.contains("policies")) {
            assertSame(a.policies(), b.policies());
        }
        assertSame(a.statistics(), b.statistics());
    }

    @Test
    void noLeversChangeNothing() {
        sameExcept(base, Levers.none().apply(base));
    }

    @Test
    void inflowScaleMultipliesTheScaleOnly() {
        Scenario s = new Levers(1.5, null, 0, null, 0, List.of(), null).apply(base);
        sameExcept(base, s, "inflow");
        assertEquals(base.inflow().scale() * 1.5, s.inflow().scale(), 1e-12);
        assertEquals(base.inflow().personsPerMonth(), s.inflow().personsPerMonth());
        assertSame(base.inflow().monthlyFactors(), s.inflow().monthlyFactors());
        assertSame(base.inflow().shocks(), s.inflow().shocks());
        assertEquals(base.inflow().persons(base.firstMonth()) * 1.5, s.inflow().persons(base.firstMonth()), 1e-9);
    }

    @Test
    void officersShiftTheWholeFteSchedule() {
        double atStart = base.cgvs().fte().on(base.start());
        Scenario s = new Levers(1.0, atStart + 50, 0, null, 0, List.of(), null).apply(base);
        sameExcept(base, s, "cgvs");
        assertEquals(atStart + 50, s.cgvs().fte().on(base.start()), 1e-9);
        base.cgvs().fte().steps().forEach((day, v) -> assertEquals(v + 50, s.cgvs().fte().on(day), 1e-9));
        assertSame(base.cgvs().serviceTime(), s.cgvs().serviceTime());
        assertSame(base.cgvs().efficiency(), s.cgvs().efficiency());
        assertSame(base.cgvs().decisionMix(), s.cgvs().decisionMix());
    }

    @Test
    void officersNeverGoBelowZero() {
        Scenario s = new Levers(1.0, 0.0, 0, null, 0, List.of(), null).apply(base);
        s.cgvs().fte().steps().values().forEach(v -> assertTrue(v >= 0));
        assertEquals(0.0, s.cgvs().fte().on(base.start()), 1e-9);
    }

    @Test
    void extraPlacesAddRegularCapacityFromTheStart() {
        Scenario s = new Levers(1.0, null, 1000, PlaceType.INDIVIDUAL, 0, List.of(), null).apply(base);
        sameExcept(base, s, "reception");
        LocalDate start = base.start();
        assertEquals(base.reception().network().capacityOn(start) + 1000, s.reception().network().capacityOn(start));
        assertEquals(base.reception().network().capacityOn(start.minusDays(1)), s.reception().network().capacityOn(start.minusDays(1)));
        assertEquals(base.reception().network().capacityByPlaceType(start).getOrDefault(PlaceType.INDIVIDUAL, 0) + 1000,
                s.reception().network().capacityByPlaceType(start).get(PlaceType.INDIVIDUAL));
        assertEquals(base.reception().allocationIntervalDays(), s.reception().allocationIntervalDays());
        assertEquals(base.reception().requestShare(), s.reception().requestShare());
    }

    @Test
    void bufferPlacesAreAddedSwitchedOn() {
        Scenario s = new Levers(1.0, null, 0, null, 300, List.of(), null).apply(base);
        sameExcept(base, s, "reception");
        LocalDate later = base.start().plusMonths(3);
        assertEquals(base.reception().network().capacityOn(later) + 300, s.reception().network().capacityOn(later));
        var buffer = s.reception().network().facility(Levers.BUFFER_FACILITY).orElseThrow();
        assertEquals(be.keten.core.reception.CapacityPeriod.Kind.BUFFER, buffer.capacity().get(0).kind());
    }

    @Test
    void policyFilesAddTheirPolicies() {
        Scenario s = new Levers(1.0, null, 0, null, 0, List.of(POLICIES), null).apply(base);
        sameExcept(base, s, "policies");
        assertTrue(base.policies().byId("SUSPEND_ERITREA_WHAT_IF").isEmpty());
        assertTrue(s.policies().byId("SUSPEND_ERITREA_WHAT_IF").isPresent());
    }

    @Test
    void horizonChangesTheHorizonOnly() {
        Scenario s = new Levers(1.0, null, 0, null, 0, List.of(), 3).apply(base);
        sameExcept(base, s, "horizon");
        assertEquals(3, s.horizonMonths());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Levers(-1, null, 0, null, 0, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Levers(1, -5.0, 0, null, 0, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Levers(1, null, -1, null, 0, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new Levers(1, null, 0, null, 0, List.of(), 0));
        Levers missing = new Levers(1, null, 0, null, 0, List.of(Path.of("no-such-policies.yaml")), null);
        assertTrue(Files.notExists(Path.of("no-such-policies.yaml")));
        assertThrows(IllegalArgumentException.class, () -> missing.apply(base));
    }
}
