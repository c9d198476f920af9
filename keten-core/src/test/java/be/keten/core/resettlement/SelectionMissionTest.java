package be.keten.core.resettlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionMissionTest {
    private static final ProgrammePeriod Y2023 = ProgrammePeriod.year(2023);

    private static SelectionMission.Figure f(String host, SelectionMission.Stage stage, long persons) {
        return new SelectionMission.Figure(Y2023, host, stage, persons, Qualifier.EXACT);
    }

    @Test
    void interviewedAndAcceptedOfAPeriodAndHostCountryMakeOneMission() {
        List<SelectionMission> m = SelectionMission.of(List.of(f("LB", SelectionMission.Stage.ACCEPTED, 95), f("JO", SelectionMission.Stage.INTERVIEWED, 0),
                f("LB", SelectionMission.Stage.INTERVIEWED, 100)));
        assertThat(m).extracting(SelectionMission::hostCountry).containsExactly("JO", "LB");
        assertThat(m.get(1).acceptedPercent()).hasValueSatisfying(p -> assertThat(p.toPlainString()).isEqualTo("95.0"));
        // None interviewed, or no accepted figure: no percentage rather than a division by zero or a guess.
        assertThat(m.get(0).acceptedPercent()).isEmpty();
    }

    @Test
    void twoFiguresForTheSameStageAreRefused() {
        assertThatThrownBy(() -> SelectionMission.of(List.of(f("LB", SelectionMission.Stage.ACCEPTED, 95), f("LB", SelectionMission.Stage.ACCEPTED, 90))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("selection missions 2023 in LB: two figures for accepted");
        assertThatThrownBy(() -> f(" ", SelectionMission.Stage.ACCEPTED, 1)).hasMessageContaining("names the host country");
    }
}
