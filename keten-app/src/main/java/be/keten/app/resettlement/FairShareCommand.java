package be.keten.app.resettlement;

import be.keten.app.cli.ExitCode;
import be.keten.core.resettlement.DistributionKey;
import be.keten.core.resettlement.EuComposition;
import be.keten.core.resettlement.FairShareCalculator;
import be.keten.core.resettlement.FairShareInputs;
import be.keten.core.resettlement.FairShareResult;
import be.keten.core.resettlement.Growth;
import be.keten.core.resettlement.MemberStateTable;
import be.keten.core.resettlement.PathYear;
import be.keten.core.resettlement.ResettlementInputException;
import be.keten.core.resettlement.StateShares;
import be.keten.io.resettlement.MemberStateCsvReader;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keten fairshare}: Belgium's fair share of resettlement, GUIDE §7.2 step by step. */
@Command(name = "fairshare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Belgium's fair share of resettlement by the method of the 2021 NGO report (GUIDE §7.2), printing every"
                    + " intermediate figure. Persons are rounded down, as the report does.",
            "  needs = --needs + growth; growth = --growth, or --annual-growth × (--years − 1)",
            "  EU target = needs × --eu-share",
            "  key = --key, or --base-key + 0.4·(population share now − base) + 0.4·(GDP share now − base),"
                    + " the other two criteria held at their base values",
            "  share = floor(EU target × key); path = the --path steps, the last year taking the remainder"},
        footer = {"", "The report's figures:",
            "  keten fairshare --needs 1473156 --growth 80000 --eu-share 0.20 --key 0.0284 --years 3",
            "  (or --annual-growth 40000 instead of --growth 80000) gives 1,553,156 needs, 310,631 for the EU and"
                    + " 8,821 persons as 2,000 / 3,000 / 3,821.",
            "Member-state CSV: code,population,gdp (absolute, one unit per column) or code,population_share,"
                    + "gdp_share (fractions summing to 1); every member of the composition exactly once.",
            "Exit codes: 0 ok, 1 usage (unknown option, malformed number), 2 invalid input."})
public final class FairShareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--needs", paramLabel = "PERSONS",
            description = "UNHCR projected global resettlement needs for the base year (report: 1473156 for 2022). Required.")
    Long needs;

    @Option(names = "--growth", paramLabel = "PERSONS",
            description = "Growth of needs over the whole planning period (report: 80000, i.e. 2 × 40000). Not with --annual-growth.")
    Long growth;

    @Option(names = "--annual-growth", paramLabel = "PERSONS",
            description = "Mean yearly growth of needs, added once for each year after the base year: × (years − 1). Not with --growth.")
    Long annualGrowth;

    @Option(names = "--years", paramLabel = "N", defaultValue = "3",
            description = "Length of the plan in years (default: ${DEFAULT-VALUE}).")
    int years;

    @Option(names = "--first-year", paramLabel = "YYYY",
            description = "Calendar year of the plan's first year, to label the path (report: 2022).")
    Integer firstYear;

    @Option(names = "--eu-share", paramLabel = "FRACTION", defaultValue = "0.20",
            description = "EU share of global needs as a fraction (default: ${DEFAULT-VALUE}, the European Parliament's 2017 proposal).")
    BigDecimal euShare;

    @Option(names = "--key", paramLabel = "FRACTION",
            description = "Belgium's distribution key as a fraction, e.g. 0.0284 for 2.84%%. Not with --base-key.")
    BigDecimal key;

    @Option(names = "--base-key", paramLabel = "FRACTION",
            description = "Recompute the key from this base key (Commission 2015: 0.0245) and the shares below.")
    BigDecimal baseKey;

    @Option(names = "--member-states", paramLabel = "FILE",
            description = "Current population and GDP of the member states (CSV), for --base-key. Or --shares.")
    Path memberStates;

    @Option(names = "--base-member-states", paramLabel = "FILE",
            description = "Population and GDP of the member states in the base key's years (CSV). Or --base-shares.")
    Path baseMemberStates;

    @Option(names = "--shares", paramLabel = "POP,GDP",
            description = "Belgium's current shares of EU population and GDP as fractions, instead of --member-states.")
    String shares;

    @Option(names = "--base-shares", paramLabel = "POP,GDP",
            description = "Belgium's base shares of EU population and GDP as fractions, instead of --base-member-states.")
    String baseShares;

    @Option(names = "--composition", paramLabel = "EU27|EU28", defaultValue = "EU27",
            description = "Member states expected in --member-states (default: ${DEFAULT-VALUE}).")
    String composition;

    @Option(names = "--base-composition", paramLabel = "EU27|EU28", defaultValue = "EU27",
            description = "Member states expected in --base-member-states (default: ${DEFAULT-VALUE}; EU28 for figures from before February 2020).")
    String baseComposition;

    @Option(names = "--key-decimals", paramLabel = "N",
            description = "Round the recomputed key to N decimals in percent before use, as the report used 2.84%%. Default: no rounding.")
    Integer keyDecimals;

    @Option(names = "--path", paramLabel = "STEPS", defaultValue = "2000,3000",
            description = "Fixed persons for the first years, comma separated, one fewer than --years; the last year takes"
                    + " the remainder (default: ${DEFAULT-VALUE}, the report's path; 'none' for a one-year plan).")
    String path;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    /** A command-line problem found after parsing, named by its option. */
    private static final class InvalidOption extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidOption(String message) {
            super(message);
        }
    }

    /** Core field names to the options that set them, so errors name what the user typed. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.of(
            "needs", "--needs", "years", "--years", "EU share", "--eu-share", "key", "--key", "base key", "--base-key",
            "recomputed key", "--base-key", "path", "--path", "key decimals", "--key-decimals");

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            boolean json = switch (format.toLowerCase(Locale.ROOT)) {
                case "text" -> false;
                case "json" -> true;
                default -> throw new InvalidOption("--format: expected text or json, got '" + format + "'");
            };
            FairShareResult result = FairShareCalculator.calculate(inputs());
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? json(result) : text(result));
            out.flush();
            return ExitCode.OK;
        } catch (InvalidOption e) {
            err.println("keten: " + e.getMessage());
        } catch (ResettlementInputException e) {
            String option = OPTION_OF_FIELD.get(e.field());
            err.println("keten: " + (e.location().isEmpty() && option != null ? option + ": " + e.problem() : e.getMessage()));
        } catch (NoSuchFileException e) {
            err.println("keten: file not found: " + e.getFile());
        } catch (IOException | UncheckedIOException e) {
            err.println("keten: cannot read a member-state file: " + e.getMessage());
        } catch (ArithmeticException e) {
            err.println("keten: figures too large to compute: " + e.getMessage());
        }
        err.flush();
        return ExitCode.INVALID_INPUT;
    }

    FairShareInputs inputs() throws InvalidOption, IOException {
        if (needs == null) {
            throw new InvalidOption("--needs is required (UNHCR projected global resettlement needs, in persons)");
        }
        if (growth != null && annualGrowth != null) {
            throw new InvalidOption("give either --growth (over the planning period) or --annual-growth (per year), not both");
        }
        Growth g = growth != null ? new Growth.Total(growth)
                : annualGrowth != null ? new Growth.Annual(annualGrowth) : Growth.none();
        return new FairShareInputs(needs, g, years, euShare, distributionKey(), steps(path),
                firstYear == null ? OptionalInt.empty() : OptionalInt.of(firstYear));
    }

    private DistributionKey distributionKey() throws InvalidOption, IOException {
        boolean recomputeOptions = memberStates != null || baseMemberStates != null || shares != null
                || baseShares != null || keyDecimals != null;
        if (key != null) {
            if (baseKey != null) {
                throw new InvalidOption("give either --key or --base-key (to recompute the key), not both");
            }
            if (recomputeOptions) {
                throw new InvalidOption("--member-states, --base-member-states, --shares, --base-shares and"
                        + " --key-decimals recompute the key: use them with --base-key instead of --key");
            }
            return DistributionKey.given(key);
        }
        if (baseKey == null) {
            throw new InvalidOption("give --key (e.g. 0.0284), or --base-key with current and base shares to recompute it");
        }
        StateShares current = side("--member-states", memberStates, "--shares", shares, composition, "--composition");
        StateShares base = side("--base-member-states", baseMemberStates, "--base-shares", baseShares, baseComposition,
                "--base-composition");
        return DistributionKey.recompute(baseKey, base, current,
                keyDecimals == null ? OptionalInt.empty() : OptionalInt.of(keyDecimals));
    }

    private static StateShares side(String fileOption, Path file, String sharesOption, String given,
                                    String composition, String compositionOption) throws InvalidOption, IOException {
        if (file != null && given != null) {
            throw new InvalidOption("give either " + fileOption + " or " + sharesOption + ", not both");
        }
        if (file == null && given == null) {
            throw new InvalidOption("--base-key needs " + fileOption + " FILE or " + sharesOption + " POP,GDP");
        }
        if (file != null) {
            EuComposition eu = composition(compositionOption, composition);
            MemberStateTable table = MemberStateCsvReader.read(file, eu);
            return table.sharesOf("BE", file.getFileName() + " (" + eu.name() + ", "
                    + (table.values() == MemberStateTable.Values.SHARES ? "shares" : "absolute figures") + ")");
        }
        String[] parts = given.split(",", -1);
        if (parts.length != 2) {
            throw new InvalidOption(sharesOption + ": expected two fractions POP,GDP, e.g. 0.026,0.0348; got '" + given + "'");
        }
        try {
            return new StateShares("BE", new BigDecimal(parts[0].strip()), new BigDecimal(parts[1].strip()), sharesOption);
        } catch (NumberFormatException e) {
            throw new InvalidOption(sharesOption + ": '" + given + "' is not two numbers POP,GDP");
        } catch (ResettlementInputException e) {
            throw new InvalidOption(sharesOption + ": " + e.field() + " " + e.problem());
        }
    }

    private static EuComposition composition(String option, String value) throws InvalidOption {
        try {
            return EuComposition.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidOption(option + ": expected EU27 or EU28, got '" + value + "'");
        }
    }

    static List<Long> steps(String text) throws InvalidOption {
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("none")) {
            return List.of();
        }
        List<Long> steps = new ArrayList<>();
        for (String part : t.split(",", -1)) {
            try {
                steps.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidOption("--path: '" + part.strip() + "' is not a whole number of persons (expected e.g. 2000,3000)");
            }
        }
        return steps;
    }

    // ---- output -------------------------------------------------------------------------------------------

    private record Row(String step, String figure, String value, String how) {
    }

    static String text(FairShareResult r) {
        FairShareInputs in = r.inputs();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("1", "global resettlement needs (UNHCR)", Numbers.persons(in.baseNeeds()), "--needs"));
        rows.add(new Row("2", "growth over the planning period", signed(r.growthPersons()),
                in.growth().describe(in.years())));
        rows.add(new Row("", "needs for the " + in.years() + "-year plan", Numbers.persons(r.needs()),
                Numbers.persons(in.baseNeeds()) + " + " + Numbers.persons(r.growthPersons())));
        rows.add(new Row("3", "EU share of global needs", Numbers.percent(in.euShare(), 4), "--eu-share " + in.euShare().toPlainString()));
        rows.add(new Row("", "EU target, exact", Numbers.exact(r.euTargetExact(), 4),
                Numbers.persons(r.needs()) + " × " + in.euShare().toPlainString()));
        rows.add(new Row("", "EU target, rounded down", Numbers.persons(r.euTarget()), ""));
        if (r.key() instanceof DistributionKey.Recomputed k) {
            rows.add(new Row("4", "base key", Numbers.percent(k.baseKey(), 4), "--base-key " + Numbers.plain(k.baseKey())));
            rows.add(new Row("5", "population share, base", Numbers.percent(k.base().population(), 4, 4), k.base().basis()));
            rows.add(new Row("", "population share, current", Numbers.percent(k.current().population(), 4, 4), k.current().basis()));
            rows.add(new Row("", "GDP share, base", Numbers.percent(k.base().gdp(), 4, 4), k.base().basis()));
            rows.add(new Row("", "GDP share, current", Numbers.percent(k.current().gdp(), 4, 4), k.current().basis()));
            rows.add(new Row("", "0.4 × population share change", Numbers.points(k.populationTerm(), 4), ""));
            rows.add(new Row("", "0.4 × GDP share change", Numbers.points(k.gdpTerm(), 4), ""));
            rows.add(new Row("", "key, recomputed", Numbers.percent(k.exact(), 4, 4), "base key + both changes"));
            if (k.percentDecimals().isPresent()) {
                rows.add(new Row("", "key used", Numbers.percent(k.value(), 4),
                        "rounded to " + k.percentDecimals().getAsInt() + " decimals (--key-decimals)"));
            }
        } else {
            rows.add(new Row("4-5", "Belgian key", Numbers.percent(r.key().value(), 6), "given (--key " + Numbers.plain(r.key().value()) + ")"));
        }
        rows.add(new Row("6", "Belgian share, exact", Numbers.exact(r.shareExact(), 4),
                Numbers.exact(r.euTargetExact(), 4) + " × " + Numbers.plain(r.key().value().round(new MathContext(8)))));
        rows.add(new Row("", "Belgian share, rounded down", Numbers.persons(r.share()), ""));
        long fixed = r.share() - r.path().get(r.path().size() - 1).persons();
        for (PathYear y : r.path()) {
            rows.add(new Row(y.index() == 1 ? "7" : "", "growth path, " + y.label(), Numbers.persons(y.persons()),
                    y.remainder() ? "remainder: " + Numbers.persons(r.share()) + " − " + Numbers.persons(fixed) : "fixed step (--path)"));
        }

        int w1 = 4;
        int w2 = 5;
        int w3 = 5;
        for (Row row : rows) {
            w1 = Math.max(w1, row.step().length());
            w2 = Math.max(w2, row.figure().length());
            w3 = Math.max(w3, row.value().length());
        }
        String fmt = "%-" + w1 + "s  %-" + w2 + "s  %" + w3 + "s  %s%n";
        StringBuilder b = new StringBuilder();
        b.append("Fair share of resettlement for Belgium (GUIDE §7.2; NGO report 2021 §3.3)").append(System.lineSeparator());
        b.append("Persons are rounded down, as the report does.").append(System.lineSeparator()).append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, fmt, "step", "figure", "value", "how").stripTrailing()).append(System.lineSeparator());
        for (Row row : rows) {
            b.append(String.format(Locale.ROOT, fmt, row.step(), row.figure(), row.value(), row.how()).stripTrailing())
                    .append(System.lineSeparator());
        }
        return b.toString();
    }

    private static String signed(long n) {
        return (n >= 0 ? "+" : "") + Numbers.persons(n);
    }

    static String json(FairShareResult r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        FairShareInputs in = r.inputs();
        ObjectNode root = mapper.createObjectNode();
        root.put("method", "GUIDE §7.2 (NGO report 2021 §3.3); persons rounded down");
        root.put("baseNeeds", in.baseNeeds());
        ObjectNode growth = root.putObject("growth");
        growth.put("persons", r.growthPersons());
        if (in.growth() instanceof Growth.Annual a) {
            growth.put("given", "annual");
            growth.put("personsPerYear", a.personsPerYear());
        } else {
            growth.put("given", "total");
        }
        root.put("years", in.years());
        root.put("needs", r.needs());
        root.put("euShare", in.euShare());
        root.put("euTargetExact", r.euTargetExact());
        root.put("euTarget", r.euTarget());
        ObjectNode key = root.putObject("key");
        key.put("value", r.key().value());
        if (r.key() instanceof DistributionKey.Recomputed k) {
            key.put("method", "recomputed");
            key.put("baseKey", k.baseKey());
            key.put("populationWeight", DistributionKey.POPULATION_WEIGHT);
            key.put("gdpWeight", DistributionKey.GDP_WEIGHT);
            shares(key.putObject("baseShares"), k.base());
            shares(key.putObject("currentShares"), k.current());
            key.put("populationTerm", k.populationTerm());
            key.put("gdpTerm", k.gdpTerm());
            key.put("exact", k.exact());
            if (k.percentDecimals().isPresent()) {
                key.put("roundedToPercentDecimals", k.percentDecimals().getAsInt());
            }
        } else {
            key.put("method", "given");
        }
        root.put("shareExact", r.shareExact());
        root.put("share", r.share());
        ArrayNode path = root.putArray("path");
        for (PathYear y : r.path()) {
            ObjectNode n = path.addObject();
            n.put("year", y.index());
            if (y.calendarYear().isPresent()) {
                n.put("calendarYear", y.calendarYear().getAsInt());
            }
            n.put("persons", y.persons());
            n.put("remainder", y.remainder());
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void shares(ObjectNode n, StateShares s) {
        n.put("code", s.code());
        n.put("population", s.population());
        n.put("gdp", s.gdp());
        n.put("basis", s.basis());
    }
}
