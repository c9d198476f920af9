package be.keten.core.reception;

/** How an entitled applicant without a place got onto the waiting list (GUIDE §6.1). */
public enum WaitingListChannel { ARRIVAL_CENTRE, HUMANITARIAN_REFERRAL, QR_CODE, COURT_ORDER }
