package be.keten.stats;

/** What a figure counts (GUIDE §2.1): every indicator declares its unit. */
public enum Unit {
    PERSONS("persons"), DOSSIERS("dossiers");

    private final String code;

    Unit(String code) {
        this.code = code;
    }

    /** The unit as written in the reference tables. */
    public String code() {
        return code;
    }
}
