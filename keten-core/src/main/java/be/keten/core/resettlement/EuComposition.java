package be.keten.core.resettlement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Member states of the EU by ISO 3166-1 alpha-2 code. A key computed on current figures uses the EU-27; the
 * Commission's 2015 key (criteria from 2013-2014) was computed before the United Kingdom left, so a base
 * table for those years may need the EU-28.
 */
public enum EuComposition {

    /** EU-27 since 1 February 2020, after the withdrawal of the United Kingdom. */
    EU27("EU-27 (since 1 February 2020)", members(false)),

    /** EU-28 from 1 July 2013 (accession of Croatia) to 31 January 2020 (withdrawal of the United Kingdom). */
    EU28("EU-28 (1 July 2013 - 31 January 2020)", members(true));

    private final String label;
    private final Map<String, String> members;

    EuComposition(String label, Map<String, String> members) {
        this.label = label;
        this.members = members;
    }

    public String label() {
        return label;
    }

    /** Code to English name, in alphabetical order of the English name. */
    public Map<String, String> members() {
        return members;
    }

    public boolean contains(String code) {
        return members.containsKey(code);
    }

    public int size() {
        return members.size();
    }

    private static Map<String, String> members(boolean withUnitedKingdom) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AT", "Austria");
        m.put("BE", "Belgium");
        m.put("BG", "Bulgaria");
        m.put("HR", "Croatia");
        m.put("CY", "Cyprus");
        m.put("CZ", "Czechia");
        m.put("DK", "Denmark");
        m.put("EE", "Estonia");
        m.put("FI", "Finland");
        m.put("FR", "France");
        m.put("DE", "Germany");
        m.put("GR", "Greece");
        m.put("HU", "Hungary");
        m.put("IE", "Ireland");
        m.put("IT", "Italy");
        m.put("LV", "Latvia");
        m.put("LT", "Lithuania");
        m.put("LU", "Luxembourg");
        m.put("MT", "Malta");
        m.put("NL", "Netherlands");
        m.put("PL", "Poland");
        m.put("PT", "Portugal");
        m.put("RO", "Romania");
        m.put("SK", "Slovakia");
        m.put("SI", "Slovenia");
        m.put("ES", "Spain");
        m.put("SE", "Sweden");
        if (withUnitedKingdom) {
            m.put("GB", "United Kingdom");
        }
        return Collections.unmodifiableMap(m);
    }
}
