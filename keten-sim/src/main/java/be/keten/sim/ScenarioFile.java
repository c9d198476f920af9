package be.keten.sim;

import be.keten.core.appeal.JudgmentOutcome;
import be.keten.core.pathway.PathwayChannel;
import be.keten.core.person.LanguageRole;
import be.keten.core.person.Nationality;
import be.keten.core.policy.BelgianPolicies;
import be.keten.core.policy.Policy;
import be.keten.core.policy.PolicyBook;
import be.keten.core.procedure.ApplicationType;
import be.keten.core.procedure.DecisionStage;
import be.keten.core.procedure.DecisionType;
import be.keten.core.procedure.Track;
import be.keten.core.reception.CapacityPeriod;
import be.keten.core.reception.Facility;
import be.keten.core.reception.LanguageRegion;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.io.policy.PolicyFile;
import be.keten.io.policy.PolicyFileException;
import be.keten.io.reception.NetworkFile;
import be.keten.io.reception.NetworkFileException;
import be.keten.stats.StatisticsParameters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a scenario from YAML and checks every value: a bad one is reported with its key path, the
 * value and the allowed range, and unknown keys are refused (a typo must not silently fall back to
 * a default). Paths inside the file (network, policies) are relative to the file.
 */
public final class ScenarioFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioFile() {
    }

    public static Scenario read(Path file) throws ScenarioException {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ScenarioException("(file)", file.toString(), "a readable YAML file (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new ScenarioException("(root)", String.valueOf(root), "a mapping of scenario keys");
        }
        return parse(new Node("", root), home(file));
    }

    /** The folder a scenario's relative paths start from: the real file's, so that a link to a scenario reads what the scenario reads. */
    private static Path home(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.toAbsolutePath().getParent();
        }
    }

    static Scenario parse(Node r, Path dir) throws ScenarioException {
        r.allow("name", "start", "horizon_months", "initial", "inflow", "pathways", "dvz", "cgvs", "rvv", "reception", "policy_files",
                "normal_workload_dossiers");
        String name = r.text("name", "scenario");
        LocalDate start = r.date("start", null);
        int horizon = r.integer("horizon_months", null, 1, 240);

        PolicyBook book = BelgianPolicies.book();
        Node pf = r.child("policy_files");
        if (pf != null) {
            List<Policy> extra = new ArrayList<>();
            for (int i = 0; i < pf.size(); i++) {
                String rel = pf.item(i).textValue();
                Path p = dir.resolve(rel);
                try {
                    extra.addAll(PolicyFile.read(p));
                } catch (PolicyFileException e) {
                    throw new ScenarioException(pf.path + "[" + i + "]", rel, "a valid policy file (" + e.getMessage() + ")");
                }
            }
            book = book.with(extra);
        }
        StatisticsParameters stats = StatisticsParameters.defaults();
        if (r.has("normal_workload_dossiers")) {
            long normal = r.integer("normal_workload_dossiers", null, 0, 1_000_000);
            stats = new StatisticsParameters(true, new TreeMap<>(Map.of(LocalDate.of(2000, 1, 1), normal)));
        }

        Node in = r.required("initial");
        in.allow("cgvs_workload_dossiers", "rvv_pending_dossiers", "reception_occupancy", "waiting_list_persons");
        Map<PlaceType, Integer> occ = new EnumMap<>(PlaceType.class);
        Node on = in.child("reception_occupancy");
        if (on != null) {
            for (String k : on.keys()) {
                occ.put(on.enumKey(k, PlaceType.class), on.integer(k, null, 0, 200_000));
            }
        }
        Scenario.Initial initial = new Scenario.Initial(in.integer("cgvs_workload_dossiers", 0, 0, 500_000),
                in.integer("rvv_pending_dossiers", 0, 0, 500_000), occ, in.integer("waiting_list_persons", 0, 0, 200_000));

        Node f = r.required("inflow");
        f.allow("persons_per_month", "monthly_factors", "scale", "shocks", "nationality_mix", "application_types", "household_size",
                "unaccompanied_minor_share", "male_share_single", "protected_in_other_eu_share", "language_role_fr_share");
        double[] factors = new double[12];
        Arrays.fill(factors, 1);
        Node mf = f.child("monthly_factors");
        if (mf != null) {
            if (mf.size() != 12) {
                throw new ScenarioException(mf.path, mf.json.toString(), "a list of 12 factors, January to December");
            }
            for (int i = 0; i < 12; i++) {
                factors[i] = mf.number(i, 0, 10);
            }
        }
        List<Scenario.Shock> shocks = new ArrayList<>();
        Node sh = f.child("shocks");
        if (sh != null) {
            for (int i = 0; i < sh.size(); i++) {
                Node s = sh.item(i);
                s.allow("from", "months", "factor");
                shocks.add(new Scenario.Shock(s.month("from"), s.integer("months", null, 1, 240), s.num("factor", null, 0, 20)));
            }
        }
        Map<Nationality, Double> nat = new LinkedHashMap<>();
        Node nm = f.required("nationality_mix");
        for (String k : nm.keys()) {
            nat.put(nm.nationalityKey(k), nm.num(k, null, 0, 1));
        }
        nm.sumsToOne(nat.values());
        double[] hh = probabilities(f.required("household_size"), 12);
        Scenario.Inflow inflow = new Scenario.Inflow(f.num("persons_per_month", null, 0, 1_000_000), factors, f.num("scale", 1.0, 0, 100),
                shocks, nat, mix(f.required("application_types"), ApplicationType.class, Set.of(ApplicationType.FIRST, ApplicationType.SUBSEQUENT)),
                hh, f.num("unaccompanied_minor_share", 0.0, 0, 1), f.num("male_share_single", 0.75, 0, 1),
                f.num("protected_in_other_eu_share", 0.0, 0, 1), f.num("language_role_fr_share", 0.5, 0, 1));

        Node c = r.required("cgvs");
        c.allow("fte", "service_time", "ramp_up_months", "attrition_per_year", "efficiency", "fast_track_priority",
                "subsequent_admissibility_priority", "decision_mix",
                "decision_mix_by_nationality", "decision_mix_by_track", "subsequent_admissible_share", "notification_days");
        Set<DecisionType> finals = Set.copyOf(DecisionType.ofStage(DecisionStage.FINAL));
        Map<Nationality, Mix<DecisionType>> byNat = new LinkedHashMap<>();
        Node bn = c.child("decision_mix_by_nationality");
        if (bn != null) {
            for (String k : bn.keys()) {
                byNat.put(bn.nationalityKey(k), decisionMix(bn.required(k), finals));
            }
        }
        Map<Track, Mix<DecisionType>> byTrack = new EnumMap<>(Track.class);
        Node bt = c.child("decision_mix_by_track");
        if (bt != null) {
            for (String k : bt.keys()) {
                byTrack.put(bt.enumKey(k, Track.class), decisionMix(bt.required(k), finals));
            }
        }
        Scenario.Cgvs cgvs = new Scenario.Cgvs(schedule(c, "fte", 0, 10_000, null), distribution(c.required("service_time"), 0.01, 365),
                c.integer("ramp_up_months", 6, 0, 36), c.num("attrition_per_year", 0.0, 0, 1), schedule(c, "efficiency", 0.1, 5, 1.0),
                c.bool("fast_track_priority", true), c.bool("subsequent_admissibility_priority", false), decisionMix(c.required("decision_mix"), finals),
                byNat, byTrack, c.num("subsequent_admissible_share", 0.1, 0, 1), c.integer("notification_days", 7, 0, 90));

        List<Scenario.Pathway> pathways = new ArrayList<>();
        Node pw = r.child("pathways");
        if (pw != null) {
            if (!pw.json.isArray()) {
                throw new ScenarioException(pw.path, pw.json.toString(), "a list of pathway channels, each with channel, persons_per_month, "
                        + "nationality, first_country_of_asylum and decision_mix");
            }
            Set<PathwayChannel> seen = EnumSet.noneOf(PathwayChannel.class);
            for (int i = 0; i < pw.size(); i++) {
                Node p = pw.item(i);
                p.allow("channel", "persons_per_month", "nationality", "first_country_of_asylum", "decision_mix");
                PathwayChannel channel = p.enumValue("channel", PathwayChannel.class, null);
                if (!seen.add(channel)) {
                    throw new ScenarioException(p.path("channel"), channel.name(), "a channel not already listed in pathways (each channel once)");
                }
                pathways.add(new Scenario.Pathway(channel, p.num("persons_per_month", null, 0, 10_000), p.nationality("nationality"),
                        p.nationality("first_country_of_asylum"), decisionMix(p.required("decision_mix"), finals)));
            }
        }

        Node d = r.required("dvz");
        d.allow("registration_to_transfer", "dublin_share");
        Scenario.Dvz dvz = new Scenario.Dvz(distribution(d.required("registration_to_transfer"), 1, 730), d.num("dublin_share", 0.0, 0, 1));

        Node v = r.required("rvv");
        v.allow("appeal_probability", "judges", "service_time", "outcomes", "lodging_days");
        Map<DecisionType, Double> appeal = new EnumMap<>(DecisionType.class);
        Node ap = v.required("appeal_probability");
        for (String k : ap.keys()) {
            DecisionType t = ap.decisionKey(k, finals);
            if (!t.isNegativeFinal()) {
                throw new ScenarioException(ap.path + "." + k, k, "a negative final decision type: " + DecisionType.ofStage(DecisionStage.FINAL)
                        .stream().filter(DecisionType::isNegativeFinal).map(DecisionType::code).toList());
            }
            appeal.put(t, ap.num(k, null, 0, 1));
        }
        Map<LanguageRole, Mix<JudgmentOutcome>> outcomes = new EnumMap<>(LanguageRole.class);
        Node oc = v.required("outcomes");
        oc.allow("NL", "FR");
        for (LanguageRole role : LanguageRole.values()) {
            outcomes.put(role, mix(oc.required(role.name()), JudgmentOutcome.class, Set.of(JudgmentOutcome.values())));
        }
        Scenario.Rvv rvv = new Scenario.Rvv(appeal, schedule(v, "judges", 0, 10_000, null), distribution(v.required("service_time"), 0.01, 3650),
                outcomes, v.integer("lodging_days", 5, 1, 30));

        Node rc = r.required("reception");
        rc.allow("network_file", "capacity_plan", "allocation_interval_days", "first_phase_days", "request_share",
                "subsequent_entitled_share", "exit_delay_positive_days", "exit_delay_negative_days", "voluntary_departure_per_month",
                "waiting_list_dropout_per_month");
        List<Facility> facilities = new ArrayList<>();
        if (rc.has("network_file")) {
            String rel = rc.text("network_file", null);
            try {
                facilities.addAll(NetworkFile.read(dir.resolve(rel)).facilities());
            } catch (NetworkFileException e) {
                throw new ScenarioException(rc.path + ".network_file", rel, "a valid network CSV (" + e.getMessage() + ")");
            }
        }
        Node cp = rc.child("capacity_plan");
        if (cp != null) {
            for (int i = 0; i < cp.size(); i++) {
                Node p = cp.item(i);
                p.allow("from", "until", "place_type", "places", "kind", "region");
                CapacityPeriod.Kind kind = p.enumValue("kind", CapacityPeriod.Kind.class, CapacityPeriod.Kind.REGULAR);
                LocalDate from = p.date("from", null);
                LocalDate until = p.date("until", LocalDate.MAX);
                if (until.isBefore(from)) {
                    throw new ScenarioException(p.path + ".until", until.toString(), "a date on or after from (" + from + ")");
                }
                CapacityPeriod period = new CapacityPeriod(from, until.equals(LocalDate.MAX) ? null : until, p.integer("places", null, 0, 100_000),
                        kind, kind == CapacityPeriod.Kind.BUFFER ? from : null);
                PlaceType type = p.enumValue("place_type", PlaceType.class, null);
                facilities.add(new Facility("F-PLAN-" + (i + 1), "capacity plan item " + (i + 1), Operator.FEDASIL, type,
                        p.enumValue("region", LanguageRegion.class, LanguageRegion.BRUSSELS), List.of(period)));
            }
        }
        if (facilities.isEmpty()) {
            throw new ScenarioException(rc.path + ".network_file", null, "a network file or a capacity_plan with at least one item");
        }
        Network network;
        try {
            network = new Network(facilities);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(rc.path + ".capacity_plan", null, e.getMessage());
        }
        Scenario.Reception reception = new Scenario.Reception(network, rc.integer("allocation_interval_days", 1, 1, 31),
                rc.integer("first_phase_days", 14, 0, 365), rc.num("request_share", 1.0, 0, 1), rc.num("subsequent_entitled_share", 0.0, 0, 1),
                rc.num("exit_delay_positive_days", 0.0, 0, 730), rc.num("exit_delay_negative_days", 0.0, 0, 730),
                rc.num("voluntary_departure_per_month", 0.0, 0, 1), rc.num("waiting_list_dropout_per_month", 0.0, 0, 1));

        try {
            book.receptionPriority(start);
            book.appealPeriods(start);
        } catch (IllegalStateException e) {
            throw new ScenarioException("policy_files", null, "policies covering the start date (" + e.getMessage() + ")");
        }
        return new Scenario(name, start, horizon, initial, inflow, List.copyOf(pathways), dvz, cgvs, rvv, reception, book, stats);
    }

    private static double[] probabilities(Node n, int max) throws ScenarioException {
        double[] p = new double[max];
        int top = 0;
        List<Double> all = new ArrayList<>();
        for (String k : n.keys()) {
            int size;
            try {
                size = Integer.parseInt(k);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > max) {
                throw new ScenarioException(n.path + "." + k, k, "a household size from 1 to " + max);
            }
            p[size - 1] = n.num(k, null, 0, 1);
            all.add(p[size - 1]);
            top = Math.max(top, size);
        }
        n.sumsToOne(all);
        return Arrays.copyOf(p, top);
    }

    private static Mix<DecisionType> decisionMix(Node n, Set<DecisionType> allowed) throws ScenarioException {
        EnumMap<DecisionType, Double> m = new EnumMap<>(DecisionType.class);
        for (String k : n.keys()) {
            m.put(n.decisionKey(k, allowed), n.num(k, null, 0, 1));
        }
        n.sumsToOne(m.values());
        return new Mix<>(m);
    }

    private static <E extends Enum<E>> Mix<E> mix(Node n, Class<E> type, Set<E> allowed) throws ScenarioException {
        EnumMap<E, Double> m = new EnumMap<>(type);
        for (String k : n.keys()) {
            E e = n.enumKey(k, type);
            if (!allowed.contains(e)) {
                throw new ScenarioException(n.path + "." + k, k, "one of " + allowed);
            }
            m.put(e, n.num(k, null, 0, 1));
        }
        n.sumsToOne(m.values());
        return new Mix<>(m);
    }

    private static Distribution distribution(Node n, double minMean, double maxMean) throws ScenarioException {
        n.allow("distribution", "mean_days", "cv");
        Distribution.Kind kind = n.enumValue("distribution", Distribution.Kind.class, null);
        double cv = kind == Distribution.Kind.EXPONENTIAL ? n.num("cv", 1.0, 1, 1) : n.num("cv", null, 0.05, 5);
        return new Distribution(kind, n.num("mean_days", null, minMean, maxMean), cv);
    }

    /** A number, or a list of {from, value} steps. */
    private static Schedule schedule(Node parent, String key, double min, double max, Double dflt) throws ScenarioException {
        Node n = parent.child(key);
        if (n == null) {
            if (dflt == null) {
                throw new ScenarioException(parent.path(key), null, "a number from " + min + " to " + max + " or a list of {from, value} steps");
            }
            return Schedule.constant(dflt);
        }
        if (n.json.isNumber()) {
            return Schedule.constant(parent.num(key, null, min, max));
        }
        TreeMap<LocalDate, Double> steps = new TreeMap<>();
        if (!n.json.isArray() || n.size() == 0) {
            throw new ScenarioException(n.path, n.json.toString(), "a number from " + min + " to " + max + " or a non-empty list of {from, value} steps");
        }
        for (int i = 0; i < n.size(); i++) {
            Node s = n.item(i);
            s.allow("from", "value");
            steps.put(s.date("from", null), s.num("value", null, min, max));
        }
        return new Schedule(steps);
    }

    /** A YAML node with its key path, and checked accessors. */
    static final class Node {
        final String path;
        final JsonNode json;

        Node(String path, JsonNode json) {
            this.path = path;
            this.json = json;
        }

        String path(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        boolean has(String key) {
            return json.has(key) && !json.get(key).isNull();
        }

        Node child(String key) {
            return has(key) ? new Node(path(key), json.get(key)) : null;
        }

        Node required(String key) throws ScenarioException {
            Node n = child(key);
            if (n == null) {
                throw new ScenarioException(path(key), null, "a value (the key is required)");
            }
            return n;
        }

        int size() {
            return json.size();
        }

        Node item(int i) {
            return new Node(path + "[" + i + "]", json.get(i));
        }

        String textValue() {
            return json.asText();
        }

        List<String> keys() throws ScenarioException {
            if (!json.isObject()) {
                throw new ScenarioException(path, json.toString(), "a mapping");
            }
            List<String> out = new ArrayList<>();
            for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
                out.add(it.next());
            }
            return out;
        }

        void allow(String... keys) throws ScenarioException {
            Set<String> ok = new HashSet<>(Arrays.asList(keys));
            for (String k : keys()) {
                if (!ok.contains(k)) {
                    throw new ScenarioException(path(k), k, "one of the keys " + Arrays.toString(keys));
                }
            }
        }

        String text(String key, String dflt) throws ScenarioException {
            if (!has(key)) {
                if (dflt == null) {
                    throw new ScenarioException(path(key), null, "a text value (the key is required)");
                }
                return dflt;
            }
            return json.get(key).asText();
        }

        double num(String key, Double dflt, double min, double max) throws ScenarioException {
            if (!has(key)) {
                if (dflt == null) {
                    throw new ScenarioException(path(key), null, "a number from " + min + " to " + max + " (the key is required)");
                }
                return dflt;
            }
            return check(path(key), json.get(key), min, max);
        }

        double number(int i, double min, double max) throws ScenarioException {
            return check(path + "[" + i + "]", json.get(i), min, max);
        }

        private static double check(String where, JsonNode v, double min, double max) throws ScenarioException {
            if (!v.isNumber() || Double.isNaN(v.asDouble()) || v.asDouble() < min || v.asDouble() > max) {
                throw new ScenarioException(where, v.asText(), "a number from " + fmt(min) + " to " + fmt(max));
            }
            return v.asDouble();
        }

        int integer(String key, Integer dflt, int min, int max) throws ScenarioException {
            if (!has(key)) {
                if (dflt == null) {
                    throw new ScenarioException(path(key), null, "a whole number from " + min + " to " + max + " (the key is required)");
                }
                return dflt;
            }
            JsonNode v = json.get(key);
            if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
                throw new ScenarioException(path(key), v.asText(), "a whole number from " + min + " to " + max);
            }
            return v.asInt();
        }

        boolean bool(String key, boolean dflt) throws ScenarioException {
            if (!has(key)) {
                return dflt;
            }
            JsonNode v = json.get(key);
            if (!v.isBoolean()) {
                throw new ScenarioException(path(key), v.asText(), "true or false");
            }
            return v.asBoolean();
        }

        LocalDate date(String key, LocalDate dflt) throws ScenarioException {
            if (!has(key)) {
                if (dflt == null) {
                    throw new ScenarioException(path(key), null, "a date YYYY-MM-DD (the key is required)");
                }
                return dflt;
            }
            String s = json.get(key).asText();
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw new ScenarioException(path(key), s, "a date YYYY-MM-DD");
            }
        }

        YearMonth month(String key) throws ScenarioException {
            String s = text(key, null);
            try {
                return YearMonth.parse(s);
            } catch (DateTimeParseException e) {
                throw new ScenarioException(path(key), s, "a month YYYY-MM");
            }
        }

        Nationality nationality(String key) throws ScenarioException {
            return nationalityOf(path(key), text(key, null));
        }

        Nationality nationalityKey(String k) throws ScenarioException {
            return nationalityOf(path(k), k);
        }

        private static Nationality nationalityOf(String where, String code) throws ScenarioException {
            try {
                return Nationality.of(code);
            } catch (IllegalArgumentException e) {
                throw new ScenarioException(where, code, "an ISO 3166-1 alpha-2 code in upper case (e.g. SY), XK, STATELESS or UNKNOWN");
            }
        }

        <E extends Enum<E>> E enumKey(String k, Class<E> type) throws ScenarioException {
            return enumOf(path(k), k, type);
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) throws ScenarioException {
            if (!has(key)) {
                if (dflt == null) {
                    throw new ScenarioException(path(key), null, "one of " + Arrays.toString(type.getEnumConstants()) + " (the key is required)");
                }
                return dflt;
            }
            return enumOf(path(key), json.get(key).asText(), type);
        }

        private static <E extends Enum<E>> E enumOf(String where, String v, Class<E> type) throws ScenarioException {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(v)) {
                    return e;
                }
            }
            throw new ScenarioException(where, v, "one of " + Arrays.toString(type.getEnumConstants()));
        }

        DecisionType decisionKey(String k, Set<DecisionType> allowed) throws ScenarioException {
            for (DecisionType t : allowed) {
                if (t.code().equals(k)) {
                    return t;
                }
            }
            throw new ScenarioException(path(k), k, "a decision-type code of " + allowed.stream().map(DecisionType::code).sorted().toList());
        }

        void sumsToOne(java.util.Collection<Double> shares) throws ScenarioException {
            double sum = shares.stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(sum - 1) > 1e-6) {
                throw new ScenarioException(path, fmt(sum) + " (sum of the shares)", "shares summing to 1");
            }
        }

        private static String fmt(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
