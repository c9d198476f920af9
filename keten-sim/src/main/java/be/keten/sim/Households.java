package be.keten.sim;

import be.keten.core.id.PersonId;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.person.Person;
import be.keten.core.person.Sex;
import be.keten.core.policy.PolicyBook;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the households of a replication's new dossiers from the scenario's inflow: their size,
 * members, nationality and language role, and the persons' pseudonymous identifiers. It draws from
 * the replication's own random stream, in the engine's order, so the same seed gives the same people.
 */
final class Households {
    private final Scenario sc;
    private final SplittableRandom rng;
    private final PolicyBook policies;
    private final Weights<Nationality> nationalities;
    private int personNo;

    Households(Scenario sc, SplittableRandom rng, PolicyBook policies) {
        this.sc = sc;
        this.rng = rng;
        this.policies = policies;
        this.nationalities = new Weights<>(sc.inflow().nationalityMix());
    }

    /** A nationality of the mix whose files no processing suspension covers on any of {@code processableOn} (none: any). */
    Nationality nationality(LocalDate... processableOn) {
        for (int i = 0; i < 50; i++) {
            Nationality n = nationalities.draw(rng);
            if (processable(n, processableOn)) {
                return n;
            }
        }
        for (Nationality n : sc.inflow().nationalityMix().keySet()) {
            if (processable(n, processableOn)) {
                return n;
            }
        }
        throw new IllegalStateException("every nationality of the mix is suspended on " + java.util.Arrays.toString(processableOn));
    }

    private boolean processable(Nationality n, LocalDate[] days) {
        if (days == null) {
            return true;
        }
        for (LocalDate d : days) {
            if (d != null && policies.processingSuspension(n, false, d).isPresent()) {
                return false;
            }
        }
        return true;
    }

    private int householdSize() {
        double[] p = sc.inflow().householdSize();
        double u = rng.nextDouble();
        for (int i = 0; i < p.length; i++) {
            u -= p[i];
            if (u < 0) {
                return i + 1;
            }
        }
        return p.length;
    }

    /** A household: {@code minor} forces a single declared unaccompanied minor. */
    List<Person> household(Nationality nat, int year, Boolean minor) {
        Scenario.Inflow in = sc.inflow();
        int size = Boolean.TRUE.equals(minor) ? 1 : householdSize();
        List<Person> out = new ArrayList<>();
        if (size == 1) {
            boolean uam = minor != null ? minor : rng.nextDouble() < in.unaccompaniedMinorShare();
            Sex sex = rng.nextDouble() < (uam ? 0.85 : in.maleShareSingle()) ? Sex.MALE : Sex.FEMALE;
            int age = uam ? 14 + rng.nextInt(4) : 18 + rng.nextInt(35);
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, sex, year - age, uam));
            return out;
        }
        Sex first = rng.nextDouble() < 0.6 ? Sex.MALE : Sex.FEMALE;
        out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, first, year - 20 - rng.nextInt(30), false));
        int children = size - 1;
        if (size > 2 && rng.nextDouble() < 0.7) {
            Sex second = first == Sex.MALE ? Sex.FEMALE : Sex.MALE;
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, second, year - 20 - rng.nextInt(30), false));
            children--;
        }
        for (int i = 0; i < children; i++) {
            out.add(new Person(PersonId.of(padded("P-S", ++personNo, 8)), nat, rng.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                    year - rng.nextInt(18), false));
        }
        return out;
    }

    LanguageRole role() {
        return rng.nextDouble() < sc.inflow().languageRoleFrShare() ? LanguageRole.FR : LanguageRole.NL;
    }

    /** The ids of {@code persons}, in their order. */
    static List<PersonId> ids(List<Person> persons) {
        PersonId[] out = new PersonId[persons.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = persons.get(i).id();
        }
        return List.of(out);
    }

    /** {@code prefix} and {@code n} zero-padded to {@code width} digits, as {@code String.format(prefix + "%0<width>d", n)}. */
    static String padded(String prefix, int n, int width) {
        String digits = Integer.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }
}
