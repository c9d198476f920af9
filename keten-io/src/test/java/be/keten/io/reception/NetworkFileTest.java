package be.keten.io.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.keten.core.reception.Facility;
import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.io.reference.ReferenceFiles;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class NetworkFileTest {
    private static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);
    private static final String HEAD = String.join(",", NetworkFile.COLUMNS) + "\n";

    /** The example network reproduces every end-2024 figure of Fedasil's capacity table: by type, operator and minors' phase. */
    @Test
    void theExampleNetworkMatchesThePublishedEnd2024Capacity() throws Exception {
        Network n = NetworkFile.read(Path.of("..", "examples", "reception", "network-2024.csv"));
        Map<String, Integer> byCategory = new HashMap<>();
        Map<String, Integer> byOperator = new HashMap<>();
        Map<String, Integer> byPhase = new HashMap<>();
        for (Facility f : n.facilities()) {
            int c = f.capacityOn(END_2024);
            byCategory.merge(f.placeType().category(), c, Integer::sum);
            byOperator.merge(f.operator().published(), c, Integer::sum);
            if (f.placeType().forUnaccompaniedMinors()) {
                byPhase.merge(f.placeType().minorsPhase(), c, Integer::sum);
                byPhase.merge("unam_places_total", c, Integer::sum);
            }
        }
        int compared = 0;
        try (Reader in = ReferenceFiles.reader("reception_capacity.csv")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                if (!r.get("period").equals("2024-12-31")) {
                    continue;
                }
                int published = Integer.parseInt(r.get("places"));
                Map<String, Integer> ours = switch (r.get("breakdown")) {
                    case "total" -> Map.of(r.get("category"), n.capacityOn(END_2024));
                    case "place_type" -> byCategory;
                    case "operator" -> byOperator;
                    default -> byPhase;
                };
                assertThat(ours.get(r.get("category"))).as("%s %s", r.get("breakdown"), r.get("category")).isEqualTo(published);
                compared++;
            }
        }
        assertThat(compared).isEqualTo(18);
        // The buffer places exist but are dormant.
        assertThat(n.facility("F-FED-BUFFER")).hasValueSatisfying(f -> assertThat(f.capacityOn(END_2024)).isZero());
        assertThat(n.capacityByOperator(END_2024).get(Operator.FEDASIL)).isEqualTo(12_696);
        assertThat(n.capacityByPlaceType(END_2024).get(PlaceType.OPEN_RETURN)).isEqualTo(360);
        assertThat(n.facility("F-FED-ALVERINGEM")).hasValueSatisfying(f ->
                assertThat(f.targetGroups()).containsExactly(be.keten.core.reception.TargetGroup.RESETTLED));
    }

    private static NetworkFileException refused(String csv) {
        try {
            NetworkFile.read(new StringReader(csv), "network.csv");
        } catch (NetworkFileException e) {
            return e;
        }
        throw new AssertionError("accepted");
    }

    @Test
    void badInputNamesFileLineAndFieldAndLoadsNothing() {
        String ok = "F-A,Centre A,FEDASIL,COLLECTIVE,FLANDERS,2024-01-01,2024-06-30,100,REGULAR,,\n";
        assertThat(refused(HEAD + ok + "F-B,Centre B,FEDASIL,COLLECTIVE,FLANDERS,2024-01-01,,-5,REGULAR,,\n").getMessage())
                .isEqualTo("network.csv:3: field 'places': capacity cannot be negative (-5)");
        assertThat(refused(HEAD + ok + "F-B,Centre B,Red Cross Mars,COLLECTIVE,FLANDERS,2024-01-01,,5,REGULAR,,\n").getMessage())
                .startsWith("network.csv:3: field 'operator': unknown operator 'Red Cross Mars'");
        assertThat(refused(HEAD + ok + "F-A,Centre A,FEDASIL,COLLECTIVE,FLANDERS,2024-06-01,,120,REGULAR,,\n").getMessage())
                .startsWith("network.csv:3: field 'from': facility F-A: REGULAR periods overlap");
        assertThat(refused(HEAD + ok + "F-A,Centre A,FEDASIL,INDIVIDUAL,FLANDERS,2024-07-01,,120,REGULAR,,\n").getMessage())
                .isEqualTo("network.csv:3: field 'place_type': 'INDIVIDUAL' differs from 'COLLECTIVE' given for this facility on line 2");
        assertThat(refused(HEAD + "F-C,Centre C,FEDASIL,TENT,FLANDERS,2024-01-01,,5,REGULAR,,\n").getMessage())
                .startsWith("network.csv:2: field 'place_type': 'TENT' is not one of [FIRST_PHASE,");
        assertThat(refused(HEAD + "F-C,Centre C,FEDASIL,COLLECTIVE,FLANDERS,2024-02-30,,5,REGULAR,,\n").getMessage())
                .isEqualTo("network.csv:2: field 'from': '2024-02-30' is not a date YYYY-MM-DD");
        assertThat(refused(HEAD + "F-C,Centre C, annex,FEDASIL,COLLECTIVE,FLANDERS,2024-01-01,,5,REGULAR,,\n").getMessage())
                .isEqualTo("network.csv:2: expected 11 fields as in the header, found 12 (a value containing a comma must be quoted)");
        assertThat(refused(HEAD + "F-C,Centre C,FEDASIL,COLLECTIVE,FLANDERS,2024-01-01,,5,REGULAR,,FAMILIES|ASTRONAUTS\n").getMessage())
                .startsWith("network.csv:2: field 'target_groups': 'ASTRONAUTS' is not one of [FAMILIES,");
        assertThat(refused("facility,places\nF-A,1\n").getMessage()).startsWith("network.csv:1: expected the columns facility,name,");
    }

    @Test
    void aLaterPeriodChangesCapacity() throws Exception {
        Network n = NetworkFile.read(new StringReader(HEAD
                + "F-A,Centre A,Croix-Rouge francophone,COLLECTIVE,WALLONIA,2024-01-01,2024-06-30,100,REGULAR,,\n"
                + "F-A,Centre A,CROIX_ROUGE,COLLECTIVE,WALLONIA,2024-07-01,,60,REGULAR,,\n"
                + "F-A,Centre A,CROIX_ROUGE,COLLECTIVE,WALLONIA,2024-11-15,2025-03-31,40,TEMPORARY,,\n"), "n.csv");
        assertThat(n.capacityOn(LocalDate.of(2024, 6, 30))).isEqualTo(100);
        assertThat(n.capacityOn(LocalDate.of(2024, 7, 1))).isEqualTo(60);
        assertThat(n.capacityOn(LocalDate.of(2024, 12, 1))).isEqualTo(100);
    }
}
