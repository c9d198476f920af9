package be.keten.core.policy;

import be.keten.core.person.Nationality;
import be.keten.core.policy.Policy.AppealPeriods;
import be.keten.core.policy.Policy.FastTrack;
import be.keten.core.policy.Policy.InterviewRequirement;
import be.keten.core.policy.Policy.NegativeExit;
import be.keten.core.policy.Policy.ReceptionEntitlement;
import be.keten.core.policy.Policy.ReceptionPriority;
import be.keten.core.policy.Policy.SafeCountries;
import be.keten.core.policy.Policy.Suspension;
import be.keten.core.policy.Policy.SuspensionScope;
import be.keten.core.policy.Policy.Transition;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The policies of the chain and the questions the rulebook asks of them. Of the single-valued kinds
 * (safe-country list, exit rule, transition, appeal periods…) the one in force with the latest
 * start wins, so a later policy amends an earlier one; fast tracks and suspensions add up.
 */
public final class PolicyBook {
    private final List<Policy> policies;
    /** The policies of each kind, in the book's order: asked per event, so grouped once. */
    private final Map<Class<?>, List<Policy>> byKind;

    public PolicyBook(List<? extends Policy> policies) {
        Map<String, Policy> byId = new LinkedHashMap<>();
        for (Policy p : policies) {
            byId.put(p.id(), p);
        }
        List<Policy> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparing((Policy p) -> p.validity().start()).thenComparing(Policy::id));
        this.policies = List.copyOf(sorted);
        // The kinds are the records of the sealed Policy: a policy is of a kind exactly when it is of that class.
        Map<Class<?>, List<Policy>> kinds = new HashMap<>();
        for (Policy p : this.policies) {
            kinds.computeIfAbsent(p.getClass(), k -> new ArrayList<>()).add(p);
        }
        kinds.replaceAll((k, of) -> List.copyOf(of));
        this.byKind = Map.copyOf(kinds);
    }

    /** This book plus {@code more}; a policy with an id already present replaces it. */
    public PolicyBook with(List<? extends Policy> more) {
        List<Policy> all = new ArrayList<>(policies);
        all.addAll(more);
        return new PolicyBook(all);
    }

    public List<Policy> all() {
        return policies;
    }

    public List<Policy> inForce(LocalDate date) {
        return policies.stream().filter(p -> p.validity().covers(date)).toList();
    }

    public Optional<Policy> byId(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Set<Nationality> safeCountries(LocalDate date) {
        return latest(SafeCountries.class, date, p -> true).map(SafeCountries::countries).orElse(Set.of());
    }

    /** The fast-track policy that admits a file of this nationality to {@code track} on {@code date}, if any. */
    public Optional<FastTrack> fastTrack(Track track, Nationality nationality, boolean protectedInOtherEuState, LocalDate date) {
        return first(FastTrack.class, date, f -> f.track() == track && (!f.onlyProtectedInOtherEuState() || protectedInOtherEuState)
                && (f.safeCountries() ? safeCountries(date).contains(nationality) : f.nationalities().contains(nationality)));
    }

    /** The suspension of processing that covers a file on a date, if any. */
    public Optional<Suspension> processingSuspension(Nationality nationality, boolean protectedInOtherEuState, LocalDate date) {
        return first(Suspension.class, date, s -> s.scope() == SuspensionScope.PROCESSING && s.nationality().equals(nationality)
                && !(s.exemptProtectedInOtherEuState() && protectedInOtherEuState));
    }

    /**
     * Whether any suspension of processing is in force on {@code date}: when none is, a caller need
     * not look at a file to know that none covers it (a simulation asks for every file it takes up).
     */
    public boolean anyProcessingSuspension(LocalDate date) {
        return first(Suspension.class, date, s -> s.scope() == SuspensionScope.PROCESSING).isPresent();
    }

    /** The suspension of the notification of {@code type} that covers a file on a date, if any. */
    public Optional<Suspension> notificationSuspension(Nationality nationality, boolean protectedInOtherEuState, DecisionType type,
                                                        LocalDate date) {
        return first(Suspension.class, date, s -> s.scope() == SuspensionScope.NOTIFICATION && s.nationality().equals(nationality)
                && s.decisionTypes().contains(type) && !(s.exemptProtectedInOtherEuState() && protectedInOtherEuState));
    }

    public ReceptionEntitlement entitlement(ApplicationType type, LocalDate date) {
        return latest(ReceptionEntitlement.class, date, e -> e.applicationType() == type)
                .orElseThrow(() -> new IllegalStateException("no reception entitlement for " + type + " policy in force on " + date));
    }

    public NegativeExit negativeExit(LocalDate date) {
        return required(NegativeExit.class, date, p -> true, "negative-exit");
    }

    public Transition transition(LocalDate date) {
        return required(Transition.class, date, p -> true, "transition");
    }

    public AppealPeriods appealPeriods(LocalDate date) {
        return required(AppealPeriods.class, date, p -> true, "appeal-period");
    }

    public InterviewRequirement interviewRequirement(LocalDate date) {
        return required(InterviewRequirement.class, date, p -> true, "interview-requirement");
    }

    public ReceptionPriority receptionPriority(LocalDate date) {
        return required(ReceptionPriority.class, date, p -> true, "reception-priority");
    }

    /** The policies of one kind, in the book's order. */
    @SuppressWarnings("unchecked")
    private <T extends Policy> List<T> ofKind(Class<T> kind) {
        return (List<T>) byKind.getOrDefault(kind, List.of());
    }

    /** The first policy of the kind in force on {@code date} that passes {@code filter}, in the book's order (loops: asked per event). */
    private <T extends Policy> Optional<T> first(Class<T> kind, LocalDate date, Predicate<T> filter) {
        List<T> of = ofKind(kind);
        for (int i = 0; i < of.size(); i++) {
            T p = of.get(i);
            if (p.validity().covers(date) && filter.test(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The last policy of the kind in force on {@code date} that passes {@code filter}, in the book's order. */
    private <T extends Policy> Optional<T> latest(Class<T> kind, LocalDate date, Predicate<T> filter) {
        return Optional.ofNullable(last(kind, date, filter));
    }

    private <T extends Policy> T required(Class<T> kind, LocalDate date, Predicate<T> filter, String what) {
        T p = last(kind, date, filter);   // no Optional or message lambda: asked per event
        if (p == null) {
            throw new IllegalStateException("no " + what + " policy in force on " + date);
        }
        return p;
    }

    private <T extends Policy> T last(Class<T> kind, LocalDate date, Predicate<T> filter) {
        List<T> of = ofKind(kind);
        for (int i = of.size() - 1; i >= 0; i--) {
            T p = of.get(i);
            if (p.validity().covers(date) && filter.test(p)) {
                return p;
            }
        }
        return null;
    }
}
