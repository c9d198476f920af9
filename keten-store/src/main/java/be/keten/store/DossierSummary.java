package be.keten.store;

import be.keten.core.id.DossierId;
import be.keten.core.state.DossierState;
import be.keten.core.state.Stay;
import java.time.LocalDate;

/**
 * A dossier's row in the projection: its current state in the pseudonymous attributes a listing or
 * the statistics need. Enum-valued columns are kept as their names; null where not (yet) known.
 */
public record DossierSummary(
        DossierId dossier, int version, String state, String nationality, String application, String applicationType,
        int applications, String languageRole, String track, int persons, LocalDate registeredOn, LocalDate transferredOn,
        String lastDecision, LocalDate decidedOn, LocalDate notifiedOn, String heldStatus, int placed, int waiting,
        LocalDate lastEventDate) {

    public static DossierSummary of(DossierState s) {
        int waiting = (int) s.reception().values().stream().filter(st -> st.status() == Stay.Status.WAITING).count();
        return new DossierSummary(s.dossier(), s.version(), s.state().name(), s.nationality().code(),
                s.application() == null ? null : s.application().value(), name(s.applicationType()), s.applications(),
                name(s.languageRole()), name(s.track()), s.persons().size(), s.registeredOn(), s.transferredOn(),
                name(s.lastDecision()), s.decidedOn(), s.notifiedOn(), name(s.heldStatus()), (int) s.placedCount(), waiting,
                s.lastDate());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
