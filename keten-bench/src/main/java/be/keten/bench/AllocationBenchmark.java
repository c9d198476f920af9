package be.keten.bench;

import be.keten.core.event.ProcedureEvent.ApplicationRegistered;
import be.keten.core.event.ReceptionEvent.EntitlementDecided;
import be.keten.core.event.ReceptionEvent.PlacedInFacility;
import be.keten.core.event.ReceptionEvent.PutOnWaitingList;
import be.keten.core.id.ApplicationId;
import be.keten.core.id.DossierId;
import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.reception.Allocation;
import be.keten.core.reception.Allocator;
import be.keten.core.reception.Facility;
import be.keten.core.reception.Network;
import be.keten.core.reception.WaitingListChannel;
import be.keten.core.state.DossierState;
import be.keten.core.state.Evolution;
import be.keten.io.reception.NetworkFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One allocation round (issue 5): a waiting list of 10,000 persons (households of 1–5, single men
 * for most) against the 36,205-place example network, its places 90% taken by residents. Run from
 * the repository root (it reads examples/reception/network-2024.csv).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AllocationBenchmark {
    static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    @Param({"10000"})
    int waitingPersons;

    Network network;
    List<DossierState> dossiers;
    Allocator allocator;

    @Setup
    public void build() throws Exception {
        network = NetworkFile.read(Path.of("examples", "reception", "network-2024.csv"));
        allocator = Allocator.withDefaults(BelgianPolicies.book());
        dossiers = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 0;
        for (Facility f : network.facilities()) {
            int residents = (int) (f.capacityOn(DAY) * 0.9);
            for (int i = 0; i < residents; i++) {
                boolean minor = f.placeType().forUnaccompaniedMinors();
                dossiers.add(household(++n, 1, minor, DAY.minusDays(1 + rnd.nextInt(600)), f));
            }
        }
        int persons = 0;
        while (persons < waitingPersons) {
            int size = rnd.nextInt(100) < 80 ? 1 : 2 + rnd.nextInt(4);
            dossiers.add(household(++n, size, false, DAY.minusDays(1 + rnd.nextInt(300)), null));
            persons += size;
        }
    }

    private static DossierState household(int n, int size, boolean minor, LocalDate since, Facility placedIn) {
        DossierId id = DossierId.of(String.format("D-B-%07d", n));
        List<Person> ps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ps.add(new Person(PersonId.of(String.format("P-B-%07d-%d", n, i)), Nationality.of("ER"), size == 1 ? Sex.MALE : Sex.FEMALE,
                    minor ? 2008 : 1990, minor));
        }
        List<PersonId> ids = ps.stream().map(Person::id).toList();
        DossierState s = Evolution.apply(DossierState.empty(id), new ApplicationRegistered(id, since, ApplicationId.of(String.format("A-B-%07d", n)),
                ApplicationType.FIRST, ps, LanguageRole.NL, false));
        s = Evolution.apply(s, new EntitlementDecided(id, since, true, "RECEPTION_FIRST"));
        return Evolution.apply(s, placedIn == null ? new PutOnWaitingList(id, since, WaitingListChannel.ARRIVAL_CENTRE, ids)
                : new PlacedInFacility(id, since, placedIn.id(), placedIn.placeType(), ids, "bench"));
    }

    @Benchmark
    public Allocation round() {
        return allocator.allocate(DAY, network, dossiers);
    }
}
