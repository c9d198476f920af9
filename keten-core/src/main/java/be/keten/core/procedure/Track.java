package be.keten.core.procedure;

/**
 * The procedural track of a file at the CGVS (GUIDE §4.2). Fast-track deadlines run in working days
 * from the transfer by DVZ; which files may enter a fast track is a dated policy.
 */
public enum Track {
    STANDARD(0),
    FAST_TRACK_15(15),
    FAST_TRACK_50(50),
    BORDER(0);

    private final int deadlineWorkingDays;

    Track(int deadlineWorkingDays) {
        this.deadlineWorkingDays = deadlineWorkingDays;
    }

    /** Working days from transfer to decision, 0 when the track has no decision deadline. */
    public int deadlineWorkingDays() {
        return deadlineWorkingDays;
    }

    public boolean isFastTrack() {
        return deadlineWorkingDays > 0;
    }

    /** Accelerated tracks get the shorter appeal period. */
    public boolean isAccelerated() {
        return this != STANDARD;
    }
}
