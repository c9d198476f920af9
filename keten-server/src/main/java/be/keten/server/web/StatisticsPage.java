package be.keten.server.web;

import be.keten.core.calendar.Period;
import be.keten.server.security.Access;
import be.keten.server.security.CurrentUser;
import be.keten.server.statistics.StatisticsService;
import be.keten.stats.ChainStatistics;
import be.keten.stats.report.MonthlyReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Official statistics: every table of the monthly publication, with charts and downloads. */
@Controller
public class StatisticsPage {
    private final StatisticsService statistics;
    private final CurrentUser user;
    private final Clock clock;

    public StatisticsPage(StatisticsService statistics, CurrentUser user, Clock clock) {
        this.statistics = statistics;
        this.user = user;
        this.clock = clock;
    }

    /** The last month with data, or the current month when there are none. */
    static YearMonth lastMonth(ChainStatistics s, Clock clock) {
        return s.coverage().map(Period::to).orElse(YearMonth.now(clock));
    }

    @GetMapping("/statistics")
    public String statistics(@RequestParam(required = false) String month, Model model) {
        user.require(Access.AGGREGATE_READERS, "read the official statistics");
        ChainStatistics s = statistics.current().statistics();
        YearMonth m = Pages.month(month).orElse(lastMonth(s, clock));
        MonthlyReport report = MonthlyReport.of(s, m, LocalDate.now(clock));
        model.addAttribute("month", m);
        model.addAttribute("coverage", s.coverage().orElse(null));
        model.addAttribute("doc", report.document(Pages.language()));
        model.addAttribute("hasData", report.hasData());
        model.addAttribute("csvTables", be.keten.io.reference.ReferenceFiles.PUBLICATION);
        return "statistics";
    }
}
