package be.keten.core.resettlement;

import java.util.List;

/** Published programme figures: pledges (and planned quotas) and arrivals. */
public record ProgrammeData(List<Pledge> pledges, List<Arrival> arrivals) {
    public ProgrammeData {
        pledges = List.copyOf(pledges);
        arrivals = List.copyOf(arrivals);
    }

    public ProgrammeSummary summary() {
        return ProgrammeSummary.of(pledges, arrivals);
    }
}
