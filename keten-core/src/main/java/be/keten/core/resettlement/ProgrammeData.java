package be.keten.core.resettlement;

import java.util.List;

/** Published programme figures: pledges (and planned quotas), arrivals and selection-mission figures. */
public record ProgrammeData(List<Pledge> pledges, List<Arrival> arrivals, List<SelectionMission.Figure> selection) {
    public ProgrammeData {
        pledges = List.copyOf(pledges);
        arrivals = List.copyOf(arrivals);
        selection = List.copyOf(selection);
        SelectionMission.of(selection); // refuses two figures for the same stage of a mission now, not at report time
    }

    public ProgrammeData(List<Pledge> pledges, List<Arrival> arrivals) {
        this(pledges, arrivals, List.of());
    }

    public ProgrammeSummary summary() {
        return ProgrammeSummary.of(pledges, arrivals);
    }

    /** The selection missions, one per period and host country, in period order. */
    public List<SelectionMission> selectionMissions() {
        return SelectionMission.of(selection);
    }
}
