package be.keten.core.reception;

import java.util.Arrays;

/** Who runs a reception facility (GUIDE §1.1, §6.3), with the names the reference tables use. */
public enum Operator {
    FEDASIL("Fedasil"),
    CROIX_ROUGE("Croix-Rouge francophone"),
    RODE_KRUIS("Rode Kruis Vlaanderen"),
    OCMW_LOI("OCMW local reception initiatives"),
    PRIVATE("private operators"),
    SAMUSOCIAL("Samusocial"),
    CARITAS("Caritas International"),
    OTHER("other partners");

    private final String published;

    Operator(String published) {
        this.published = published;
    }

    /** The operator's name in the reference capacity table. */
    public String published() {
        return published;
    }

    public static Operator ofName(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name) || o.published.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown operator '" + name + "'; known: " + Arrays.toString(values())));
    }
}
