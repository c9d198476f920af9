package be.keten.server.web;

import be.keten.core.reception.Network;
import be.keten.core.reception.Operator;
import be.keten.core.reception.PlaceType;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.statistics.StatisticsService;
import be.keten.stats.ChainStatistics;
import be.keten.stats.report.ReceptionReport;
import be.keten.store.NetworkStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reception: the network's capacity and occupancy by place type and by operator, the waiting list
 * and the flows of a year (Fedasil's yearly balance, {@link ReceptionReport}), with charts.
 */
@Controller
public class ReceptionPage {
    private final StatisticsService statistics;
    private final NetworkStore network;
    private final CurrentUser user;
    private final Clock clock;

    public ReceptionPage(StatisticsService statistics, NetworkStore network, CurrentUser user, Clock clock) {
        this.statistics = statistics;
        this.network = network;
        this.user = user;
        this.clock = clock;
    }

    /** Capacity of one part of the network today (the network as it is planned now). */
    public record Part(String key, int capacity) {
    }

    @GetMapping("/reception")
    public String reception(@RequestParam(required = false) Integer year, Model model) {
        user.require(Access.AGGREGATE_READERS, "read the reception figures");
        ChainStatistics s = statistics.current().statistics();
        YearMonth last = StatisticsPage.lastMonth(s, clock);
        int y = year == null || year < 1990 || year > 2200 ? last.getYear() : year;
        Network n = network.load();
        ReceptionReport report = ReceptionReport.of(s, n, y, LocalDate.now(clock));
        model.addAttribute("year", y);
        model.addAttribute("coverage", s.coverage().orElse(null));
        model.addAttribute("facilities", n.facilities().size());
        model.addAttribute("doc", report.document(Pages.language()));
        LocalDate today = LocalDate.now(clock);
        List<Part> byType = new ArrayList<>();
        for (Map.Entry<PlaceType, Integer> e : n.capacityByPlaceType(today).entrySet()) {
            byType.add(new Part("placetype." + e.getKey().name(), e.getValue()));
        }
        List<Part> byOperator = new ArrayList<>();
        for (Map.Entry<Operator, Integer> e : n.capacityByOperator(today).entrySet()) {
            byOperator.add(new Part("operator." + e.getKey().name(), e.getValue()));
        }
        model.addAttribute("today", today);
        model.addAttribute("capacityToday", n.capacityOn(today));
        model.addAttribute("byType", byType);
        model.addAttribute("byOperator", byOperator);
        return "reception";
    }
}
