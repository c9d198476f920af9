package be.keten.io.policy;

import be.keten.core.person.Nationality;
import be.keten.core.policy.Policy;
import be.keten.core.policy.Validity;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads additional policies from YAML: a top-level {@code policies:} list whose items name their
 * {@code kind} (the record name in {@link Policy}), {@code id}, {@code from}, {@code until},
 * {@code source} and the kind's own fields. All or nothing: the first bad item aborts the load.
 */
public final class PolicyFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PolicyFile() {
    }

    public static List<Policy> read(Path file) throws PolicyFileException {
        List<Policy> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (JsonParser p = YAML.getFactory().createParser(Files.newBufferedReader(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new PolicyFileException(file, line(p), null, "expected a mapping with a 'policies' list");
            }
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!name.equals("policies")) {
                    throw new PolicyFileException(file, line(p), name, "unknown top-level key; expected 'policies'");
                }
                if (p.currentToken() != JsonToken.START_ARRAY) {
                    throw new PolicyFileException(file, line(p), "policies", "expected a list");
                }
                seen = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int line = line(p);
                    JsonNode item = YAML.readTree(p);
                    Policy policy = new Item(file, line, item).policy();
                    if (!ids.add(policy.id())) {
                        throw new PolicyFileException(file, line, "id", "policy id " + policy.id() + " appears twice in the file");
                    }
                    out.add(policy);
                }
            }
            if (!seen) {
                throw new PolicyFileException(file, 1, "policies", "missing");
            }
        } catch (JsonProcessingException e) {
            throw new PolicyFileException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null, "malformed YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PolicyFileException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return out;
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** One list item, converted field by field so every error names its field. */
    private record Item(Path file, int line, JsonNode node, Set<String> used) {
        Item(Path file, int line, JsonNode node) {
            this(file, line, node, new HashSet<>(List.of("kind", "id", "from", "until", "source")));
        }

        Policy policy() throws PolicyFileException {
            Policy p = build();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!used.contains(name)) {
                    throw new PolicyFileException(file, line, name, "unknown field for kind " + node.get("kind").asText() + "; known: " + used);
                }
            }
            return p;
        }

        private Policy build() throws PolicyFileException {
            String kind = text("kind");
            String id = text("id");
            String source = node.has("source") ? text("source") : "policy file " + file.getFileName();
            try {
                Validity v = new Validity(date("from"), date("until"));
                return switch (kind) {
                    case "SafeCountries" -> new Policy.SafeCountries(id, v, nationalities("countries"), source);
                    case "FastTrack" -> new Policy.FastTrack(id, v, value("track", Track.class), bool("safeCountries"),
                            nationalities("nationalities"), bool("onlyProtectedInOtherEuState"), source);
                    case "Suspension" -> new Policy.Suspension(id, v, Nationality.of(text("nationality")),
                            value("scope", Policy.SuspensionScope.class), values("decisionTypes", DecisionType.class),
                            bool("exemptProtectedInOtherEuState"), source);
                    case "ReceptionEntitlement" -> new Policy.ReceptionEntitlement(id, v, value("applicationType", ApplicationType.class),
                            value("entitlement", Policy.Entitlement.class), source);
                    case "NegativeExit" -> new Policy.NegativeExit(id, v, value("basis", Policy.ExitBasis.class), integer("days"), source);
                    case "Transition" -> new Policy.Transition(id, v, integer("months"), source);
                    case "AppealPeriods" -> new Policy.AppealPeriods(id, v, integer("normalDays"), integer("acceleratedDays"),
                            integer("cassationDays"), bool("subsidiaryHolderMayAppeal"), source);
                    case "InterviewRequirement" -> new Policy.InterviewRequirement(id, v, values("decisionTypes", DecisionType.class),
                            bool("inadmissibleProtectedElsewhere"), values("exemptApplicationTypes", ApplicationType.class), source);
                    case "ReceptionPriority" -> new Policy.ReceptionPriority(id, v, number("saturationThreshold"), bool("singleMenWaitingList"),
                            integer("exemptAgeFrom"), integer("exemptAgeTo"), source);
                    default -> throw new PolicyFileException(file, line, "kind", "unknown policy kind '" + kind + "'; known: SafeCountries, "
                            + "FastTrack, Suspension, ReceptionEntitlement, NegativeExit, Transition, AppealPeriods, InterviewRequirement, ReceptionPriority");
                };
            } catch (IllegalArgumentException e) {
                throw new PolicyFileException(file, line, null, e.getMessage());
            }
        }

        private JsonNode field(String name) throws PolicyFileException {
            used.add(name);
            JsonNode n = node.get(name);
            if (n == null || n.isNull()) {
                throw new PolicyFileException(file, line, name, "missing");
            }
            return n;
        }

        String text(String name) throws PolicyFileException {
            JsonNode n = field(name);
            if (!n.isValueNode()) {
                throw new PolicyFileException(file, line, name, "expected a single value");
            }
            return n.asText();
        }

        LocalDate date(String name) throws PolicyFileException {
            used.add(name);
            if (!node.hasNonNull(name)) {
                return null;
            }
            try {
                return LocalDate.parse(node.get(name).asText());
            } catch (DateTimeParseException e) {
                throw new PolicyFileException(file, line, name, "'" + node.get(name).asText() + "' is not a date YYYY-MM-DD");
            }
        }

        boolean bool(String name) throws PolicyFileException {
            used.add(name);
            if (!node.has(name)) {
                return false;
            }
            if (!node.get(name).isBoolean()) {
                throw new PolicyFileException(file, line, name, "expected true or false");
            }
            return node.get(name).asBoolean();
        }

        int integer(String name) throws PolicyFileException {
            JsonNode n = field(name);
            if (!n.canConvertToExactIntegral()) {
                throw new PolicyFileException(file, line, name, "expected a whole number, got '" + n.asText() + "'");
            }
            return n.asInt();
        }

        double number(String name) throws PolicyFileException {
            JsonNode n = field(name);
            if (!n.isNumber()) {
                throw new PolicyFileException(file, line, name, "expected a number, got '" + n.asText() + "'");
            }
            return n.asDouble();
        }

        <E extends Enum<E>> E value(String name, Class<E> type) throws PolicyFileException {
            String t = text(name);
            try {
                return Enum.valueOf(type, t);
            } catch (IllegalArgumentException e) {
                throw new PolicyFileException(file, line, name, "'" + t + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }

        <E extends Enum<E>> Set<E> values(String name, Class<E> type) throws PolicyFileException {
            Set<E> out = new HashSet<>();
            for (String t : list(name)) {
                try {
                    out.add(Enum.valueOf(type, t));
                } catch (IllegalArgumentException e) {
                    throw new PolicyFileException(file, line, name, "'" + t + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
            return out;
        }

        Set<Nationality> nationalities(String name) throws PolicyFileException {
            Set<Nationality> out = new HashSet<>();
            for (String t : list(name)) {
                try {
                    out.add(Nationality.of(t));
                } catch (IllegalArgumentException e) {
                    throw new PolicyFileException(file, line, name, e.getMessage());
                }
            }
            return out;
        }

        private List<String> list(String name) throws PolicyFileException {
            used.add(name);
            if (!node.has(name)) {
                return List.of();
            }
            JsonNode n = node.get(name);
            if (!n.isArray()) {
                throw new PolicyFileException(file, line, name, "expected a list");
            }
            List<String> out = new ArrayList<>();
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                out.add(it.next().asText());
            }
            return out;
        }
    }
}
