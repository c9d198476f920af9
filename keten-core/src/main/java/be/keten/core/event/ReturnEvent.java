package be.keten.core.event;

import be.keten.core.id.DossierId;
import be.keten.core.returns.ForcedReturnKind;
import java.time.LocalDate;
import java.util.Objects;

/** The household leaves Belgium (GUIDE §8). A return ends the dossier's current application. */
public sealed interface ReturnEvent extends ChainEvent {

    record VoluntaryReturn(DossierId dossier, LocalDate date, boolean reintegrationSupport) implements ReturnEvent {
        public VoluntaryReturn {
            Checks.common(dossier, date);
        }
    }

    record ForcedReturn(DossierId dossier, LocalDate date, ForcedReturnKind kind) implements ReturnEvent {
        public ForcedReturn {
            Checks.common(dossier, date);
            Objects.requireNonNull(kind, "kind");
        }
    }
}
