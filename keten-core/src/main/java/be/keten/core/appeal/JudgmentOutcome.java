package be.keten.core.appeal;

/** What the Council for Alien Law Litigation (RvV) rules on an appeal in full jurisdiction (GUIDE §3.3). */
public enum JudgmentOutcome {
    /** The CGVS decision stands. */
    REJECT,
    /** The file goes back to the CGVS for a new decision. */
    ANNUL,
    /** The RvV reforms the decision and grants refugee status. */
    GRANT_REFUGEE_STATUS,
    /** The RvV reforms the decision and grants subsidiary protection. */
    GRANT_SUBSIDIARY_PROTECTION
}
