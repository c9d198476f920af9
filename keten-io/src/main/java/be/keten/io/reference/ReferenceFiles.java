package be.keten.io.reference;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Copies of the published reference files shipped inside keten-io, so the product works without the shared
 * data folder. They are byte-identical to {@code shared/data/reference} (checked by a test).
 */
public final class ReferenceFiles {
    public static final String RESETTLEMENT = "resettlement.csv";
    public static final String FAIR_SHARE_INPUTS = "fair_share_inputs.csv";
    public static final String APPLICATIONS_MONTHLY = "applications_monthly.csv";
    public static final String APPLICATIONS_BY_NATIONALITY = "applications_by_nationality.csv";
    public static final String CGVS_DECISIONS = "cgvs_decisions.csv";
    public static final String CGVS_DECISIONS_BY_NATIONALITY = "cgvs_decisions_by_nationality.csv";
    public static final String CGVS_WORKLOAD = "cgvs_workload.csv";

    /** The five files of the monthly publication's figures, in the order they are read and written. */
    public static final java.util.List<String> PUBLICATION = java.util.List.of(APPLICATIONS_MONTHLY, APPLICATIONS_BY_NATIONALITY,
            CGVS_DECISIONS, CGVS_DECISIONS_BY_NATIONALITY, CGVS_WORKLOAD);

    private static final String FOLDER = "/be/keten/io/reference/";

    private ReferenceFiles() {
    }

    /** @throws IllegalStateException if the file is not on the class path (a broken build) */
    public static InputStream open(String name) {
        InputStream in = ReferenceFiles.class.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("reference file " + FOLDER + name + " is missing from the class path");
        }
        return in;
    }

    public static Reader reader(String name) {
        return new InputStreamReader(open(name), StandardCharsets.UTF_8);
    }
}
