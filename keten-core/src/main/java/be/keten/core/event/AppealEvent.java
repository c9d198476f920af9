package be.keten.core.event;

import be.keten.core.appeal.CassationOutcome;
import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.id.DossierId;
import be.keten.core.person.LanguageRole;
import java.time.LocalDate;
import java.util.Objects;

/** Appeal at the RvV and cassation at the Council of State (GUIDE §3.3). */
public sealed interface AppealEvent extends ChainEvent {

    record AppealLodged(DossierId dossier, LocalDate date, LanguageRole languageRole) implements AppealEvent {
        public AppealLodged {
            Checks.common(dossier, date);
            Objects.requireNonNull(languageRole, "languageRole");
        }
    }

    record AppealJudged(DossierId dossier, LocalDate date, JudgmentOutcome outcome) implements AppealEvent {
        public AppealJudged {
            Checks.common(dossier, date);
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    record CassationLodged(DossierId dossier, LocalDate date) implements AppealEvent {
        public CassationLodged {
            Checks.common(dossier, date);
        }
    }

    record CassationDecided(DossierId dossier, LocalDate date, CassationOutcome outcome) implements AppealEvent {
        public CassationDecided {
            Checks.common(dossier, date);
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
