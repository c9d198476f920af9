package be.keten.core.procedure;

/** Outcome of the Dublin check at DVZ (GUIDE §1.2). */
public enum DublinOutcome { BELGIUM_RESPONSIBLE, TRANSFER_TO_OTHER_STATE }
