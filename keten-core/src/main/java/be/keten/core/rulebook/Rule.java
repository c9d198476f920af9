package be.keten.core.rulebook;

/**
 * Every rule the rulebook enforces, named once. A rejection cites one of these, so a user reads
 * which rule forbade the command and where it comes from.
 */
public enum Rule {
    SAME_DOSSIER("an event is applied to the state of the dossier it names"),
    CHRONOLOGY("events of a dossier are recorded in date order"),
    NOT_IN_FUTURE("an event cannot be dated after today"),
    TRANSITION("the procedure allows this step only in certain states (GUIDE §3.1)"),
    SUBSEQUENT_NEEDS_ENDED_APPLICATION("a subsequent application follows only a final decision, a withdrawal, an ended status or a return (GUIDE §2.2)"),
    FIRST_APPLICATION_ONCE("a dossier whose application ended continues with a subsequent application only"),
    PATHWAY_ARRIVAL_FIRST("a resettlement, relocation, corridor or other-admission application follows an arrival through that channel (GUIDE §2.3)"),
    PATHWAY_PERSONS_MATCH("the application covers the persons who arrived through the pathway"),
    OUTSIDE_DUBLIN("applicants protected in another EU state fall outside Dublin (GUIDE §4.4)"),
    DUBLIN_RESPONSIBILITY("a file goes to the CGVS only once Belgium is responsible, or directly for applicants outside Dublin (GUIDE §3.1)"),
    DUBLIN_DECIDED_ONCE("the Dublin check has one outcome"),
    FAST_TRACK_ELIGIBILITY("a fast track is open only to the files a fast-track policy admits on the transfer date (GUIDE §4.2)"),
    BORDER_TRACK_ONLY("further examination at the border is an interim decision of the border track"),
    ADMISSIBILITY_SUBSEQUENT_ONLY("the admissibility interim decision exists for subsequent applications only, once (GUIDE §2.2)"),
    SUBSEQUENT_ADMISSIBILITY_FIRST("a subsequent application gets a merits decision only after it was found admissible, and cannot be inadmissible after that (GUIDE §2.2)"),
    INTERVIEW_REQUIRED("this decision needs a personal interview first (interview-requirement policy)"),
    SUSPENSION_IN_FORCE("no interview or decision while a processing suspension covers the file (GUIDE §4.3)"),
    SUSPENSION_POLICY("a file is suspended only under a suspension policy in force that covers it"),
    NOTIFICATION_SUSPENDED("notification of this decision type is suspended for this nationality (GUIDE §4.3)"),
    APPEAL_PERIOD("an appeal is lodged within the appeal period after notification (GUIDE §3.4)"),
    APPEAL_PERIOD_RUNNING("a notified rejection becomes final only after the appeal period has run out"),
    APPEAL_LANGUAGE_ROLE("an appeal keeps the language role fixed at the application (GUIDE §3.3)"),
    SUBSIDIARY_HOLDER_APPEAL("a holder of subsidiary protection may appeal to obtain refugee status only where the policy allows, within the period"),
    CASSATION_AGAINST_JUDGMENT("cassation lies against an RvV judgment that rejected the appeal, within the cassation period"),
    WITHDRAWAL_BEFORE_CGVS("an application is withdrawn at DVZ; at the CGVS a withdrawal ends in a termination decision (closure)"),
    STATUS_END_NEEDS_STATUS("only a status held can be withdrawn or revoked"),
    ORDER_TO_LEAVE_STATE("an order to leave follows a negative outcome, a Dublin transfer decision, a withdrawal or an ended status"),
    PERSON_IN_DOSSIER("the persons named belong to the dossier"),
    AGE_ASSESSMENT_DECLARED_MINOR("only a declared unaccompanied minor is age-assessed, once (GUIDE §4.5)"),
    ENTITLEMENT_POLICY("entitlement follows the reception-entitlement policy for the application type (GUIDE §6.1)"),
    RECEPTION_NEEDS_ENTITLEMENT("only entitled persons are placed, put on the waiting list or sponsored"),
    RECEPTION_PERSON_STATUS("a person is placed, waits, moves or leaves only from a matching reception status"),
    COMMUNITY_SPONSORSHIP("community sponsorship receives persons who arrived through resettlement, outside the network, for a term that"
            + " ends after its start; residents move to it with its start, and only sponsored persons leave it (GUIDE §7.1)"),
    UNACCOMPANIED_MINOR_PLACES("unaccompanied minors are placed only in minors' places, and adults never (GUIDE §6.4)"),
    NEGATIVE_EXIT_PERIOD("after a final negative decision aid ends only when the exit period has run out (GUIDE §6.5)"),
    TRANSITION_PERIOD("a status holder leaves at the end of the transition period (GUIDE §6.5)"),
    RETURN_AFTER_RECEPTION("the household leaves reception before it returns"),
    FORCED_RETURN_GROUNDS("forced return needs an expired order to leave and no suspensive appeal pending; a Dublin transfer needs a Dublin decision (GUIDE §8)");

    private final String text;

    Rule(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
