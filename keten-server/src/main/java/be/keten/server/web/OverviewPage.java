package be.keten.server.web;

import be.keten.core.calendar.Period;
import be.keten.core.reception.LeaveReason;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.statistics.StatisticsService;
import be.keten.stats.ChainStatistics;
import be.keten.stats.Unit;
import be.keten.stats.publication.DecisionRow;
import be.keten.stats.publication.DecisionRows;
import be.keten.stats.publication.MonthlyPublication;
import be.keten.stats.report.Messages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The chain overview: stocks and flows of one month from DVZ registration to departure as a flow
 * diagram (server-drawn SVG), with the key indicators. Every figure is the monthly publication's
 * ({@link MonthlyPublication}) or read off {@link ChainStatistics} with the same definitions.
 */
@Controller
public class OverviewPage {
    private final StatisticsService statistics;
    private final CurrentUser user;
    private final MessageSource messages;
    private final Clock clock;

    public OverviewPage(StatisticsService statistics, CurrentUser user, MessageSource messages, Clock clock) {
        this.statistics = statistics;
        this.user = user;
        this.messages = messages;
        this.clock = clock;
    }

    /** A key indicator: its label and its value, formatted in the page's language. */
    public record Indicator(String label, String value, String note) {
    }

    @GetMapping("/")
    public String overview(@RequestParam(required = false) String month, Model model) {
        user.require(Access.AGGREGATE_READERS, "read the chain overview");
        ChainStatistics s = statistics.current().statistics();
        YearMonth m = Pages.month(month).orElse(StatisticsPage.lastMonth(s, clock));
        Messages fmt = new Messages(Pages.language());
        MonthlyPublication pub = MonthlyPublication.of(s, m);
        Period p = Period.month(m);
        LocalDate end = m.atEndOfMonth();

        DecisionRows persons = pub.decisionsMonth().get(Unit.PERSONS);
        long protection = persons.get(DecisionRow.REFUGEE_STATUS) + persons.get(DecisionRow.SUBSIDIARY_PROTECTION);
        long negative = persons.refusals();
        long appealsPersons = s.appealsLodged(p, Unit.PERSONS, null);
        long judgments = s.judgments(p, null).values().stream().mapToLong(Long::longValue).sum();
        Map<LeaveReason, Long> out = s.receptionOut(p);
        long outTotal = out.values().stream().mapToLong(Long::longValue).sum();

        List<FlowDiagram.Box> boxes = new ArrayList<>();
        boxes.add(new FlowDiagram.Box("dvz", 20, 30, msg("flow.dvz"), List.of(
                msg("flow.registered", fmt.integer(pub.applicantsMonth().total())),
                msg("flow.first", fmt.integer(pub.applicantsMonth().firstExclResettlement() + pub.applicantsMonth().firstResettlement())),
                msg("flow.subsequent", fmt.integer(pub.applicantsMonth().subsequent())))));
        boxes.add(new FlowDiagram.Box("cgvs", 300, 30, msg("flow.cgvs"), List.of(
                msg("flow.workload", fmt.integer(pub.workloadDossiers())),
                msg("flow.workload.persons", fmt.integer(pub.workloadPersons())),
                pub.realBacklog().isPresent() ? msg("flow.backlog", fmt.integer(pub.realBacklog().getAsLong())) : msg("flow.backlog.none"))));
        boxes.add(new FlowDiagram.Box("decisions", 580, 30, msg("flow.decisions"), List.of(
                msg("flow.protection", fmt.integer(protection)),
                msg("flow.negative", fmt.integer(negative)),
                msg("flow.interim", fmt.integer(persons.get(DecisionRow.INTERIM))))));
        boxes.add(new FlowDiagram.Box("rvv", 860, 30, msg("flow.rvv"), List.of(
                msg("flow.appeals", fmt.integer(appealsPersons)),
                msg("flow.judgments", fmt.integer(judgments)),
                msg("flow.rvv.pending", fmt.integer(s.rvvPending(end, Unit.DOSSIERS))))));
        boxes.add(new FlowDiagram.Box("reception", 300, 230, msg("flow.reception"), List.of(
                msg("flow.reception.in", fmt.integer(s.receptionIn(p))),
                msg("flow.occupancy", fmt.integer(s.occupancy(end))),
                msg("flow.waiting", fmt.integer(s.waitingList(end))))));
        boxes.add(new FlowDiagram.Box("departures", 580, 230, msg("flow.departures"), List.of(
                msg("flow.out", fmt.integer(outTotal)),
                msg("flow.out.return", fmt.integer(out.getOrDefault(LeaveReason.RETURN, 0L) + out.getOrDefault(LeaveReason.VOLUNTARY_DEPARTURE, 0L))),
                msg("flow.out.transition", fmt.integer(out.getOrDefault(LeaveReason.POSITIVE_TRANSITION_END, 0L))))));
        List<FlowDiagram.Arrow> arrows = List.of(
                FlowDiagram.Arrow.right(boxes.get(0), boxes.get(1), ""),
                FlowDiagram.Arrow.right(boxes.get(1), boxes.get(2), fmt.integer(persons.total())),
                FlowDiagram.Arrow.right(boxes.get(2), boxes.get(3), fmt.integer(appealsPersons)),
                FlowDiagram.Arrow.down(boxes.get(0), boxes.get(4), fmt.integer(s.receptionIn(p))),
                FlowDiagram.Arrow.right(boxes.get(4), boxes.get(5), fmt.integer(outTotal)));
        String rateText = Double.isNaN(pub.protectionRateMonth()) ? "–" : fmt.percent(pub.protectionRateMonth());
        List<Indicator> indicators = List.of(
                new Indicator(msg("kpi.applications"), fmt.integer(pub.applicantsMonth().total()), msg("kpi.persons")),
                new Indicator(msg("kpi.decisions"), fmt.integer(persons.total()), msg("kpi.persons")),
                new Indicator(msg("kpi.rate"), rateText, msg("kpi.rate.note")),
                new Indicator(msg("kpi.workload"), fmt.integer(pub.workloadDossiers()), msg("kpi.dossiers.end")),
                new Indicator(msg("kpi.backlog"), pub.realBacklog().isPresent() ? fmt.integer(pub.realBacklog().getAsLong()) : "–",
                        msg("kpi.dossiers.end")));

        model.addAttribute("month", m);
        model.addAttribute("monthLabel", fmt.month(m));
        model.addAttribute("hasData", pub.hasData());
        model.addAttribute("coverage", s.coverage().orElse(null));
        model.addAttribute("diagram", new FlowDiagram(boxes, arrows));
        model.addAttribute("indicators", indicators);
        return "overview";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
