package cn.labordispute.supervision;

import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.CaseStage;
import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.intake.AmountLimits;
import cn.labordispute.policy.PolicyTable;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/** Computes the statistics for a filter from the database, every time: nothing is kept between requests. */
@Service
public class StatisticsService {

    /** The stages whose length is measured, in the order of the chain. */
    static final List<CaseStage> MEASURED = List.of(CaseStage.NEGOTIATION, CaseStage.MEDIATION, CaseStage.FULFILMENT,
            CaseStage.ARBITRATION, CaseStage.LITIGATION);
    private static final Set<String> CONCLUDED = Set.of("AGREEMENT", "FAILED", "EXPIRED", "WORKER_TO_ARBITRATION");
    private static final double DAY = Duration.ofDays(1).toMillis();

    private final StatisticsQueries queries;
    private final CaseCauses causes;
    private final StatutoryPeriods periods;
    private final Deadlines deadlines;
    private final Map<String, String> stageLimits = new HashMap<>();
    /** Two threads for the large queries of concurrent requests; a request uses at most three connections. */
    private final ExecutorService pool = Executors.newFixedThreadPool(2, task -> {
        Thread t = new Thread(task, "statistics-query");
        t.setDaemon(true);
        return t;
    });

    private final AmountLimits limits;

    StatisticsService(StatisticsQueries queries, CaseCauses causes, StatutoryPeriods periods, Deadlines deadlines,
            AmountLimits limits) {
        this.limits = limits;
        this.queries = queries;
        this.causes = causes;
        this.periods = periods;
        this.deadlines = deadlines;
        for (PolicyTable.Row row : PolicyTable.read(new ClassPathResource("policy/stage-limits.csv"))) {
            String period = row.get("period");
            if (!periods.contains(period)) {
                throw row.error("unknown period " + period);
            }
            stageLimits.put(CaseStage.valueOf(row.get("stage")).name(), period);
        }
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** The cause and its sub-causes, for a filter on a cause. */
    Set<String> causeAndChildren(String code) {
        Set<String> codes = new HashSet<>();
        codes.add(code);
        for (CaseCause c : causes.all()) {
            if (code.equals(c.parentCode())) {
                codes.add(c.code());
            }
        }
        return codes;
    }

    /**
     * The three queries that read every case in scope run side by side on their own connections while this thread
     * runs the small ones; each query reads committed data, so the figures may straddle a commit made meanwhile.
     */
    public Statistics compute(StatisticsFilter f) {
        CompletableFuture<List<StatisticsQueries.CaseSpan>> spansLater = CompletableFuture.supplyAsync(() -> queries.spans(f), pool);
        CompletableFuture<List<StatisticsQueries.StageEvent>> eventsLater =
                CompletableFuture.supplyAsync(() -> queries.stageEvents(f), pool);
        CompletableFuture<long[]> sessionsLater = CompletableFuture.supplyAsync(() -> queries.sessionsScheduled(f), pool);
        CompletableFuture<List<StatisticsQueries.CauseCount>> causesLater =
                CompletableFuture.supplyAsync(() -> queries.causes(f, limits.perClaim(), limits.perCase()), pool);
        long legalAid = queries.started(f, "legal_aid");
        long followUp = queries.started(f, "follow_up");
        List<StatisticsQueries.Mediation> mediations = queries.mediations(f);
        List<StatisticsQueries.DeadlineCount> deadlineCounts = queries.closedDeadlines(f);
        BigDecimal paid = queries.paid(f);
        List<StatisticsQueries.CaseSpan> spans = spansLater.join();
        List<Statistics.Month> months = months(f, spans);
        long opened = spans.stream().filter(s -> within(s.receivedOn(), f)).count();
        long closed = spans.stream().filter(s -> s.closedAt() != null && within(day(s.closedAt()), f)).count();
        long collective = spans.stream().filter(s -> s.collective() && within(s.receivedOn(), f)).count();
        Statistics.Totals totals = new Statistics.Totals(opened, closed, collective, legalAid, followUp);

        List<Double> mediationDays = new ArrayList<>();
        long agreements = 0;
        long concluded = 0;
        BigDecimal agreed = BigDecimal.ZERO;
        for (StatisticsQueries.Mediation m : mediations) {
            if (CONCLUDED.contains(m.outcome())) {
                concluded++;
                mediationDays.add((m.endedAt().getTime() - m.startedAt().getTime()) / DAY);
            }
            if ("AGREEMENT".equals(m.outcome())) {
                agreements++;
                agreed = agreed.add(m.agreed() == null ? BigDecimal.ZERO : m.agreed());
            }
        }
        Statistics.MediationFigures mediation = new Statistics.MediationFigures(concluded, agreements,
                mediations.stream().filter(m -> "WITHDRAWN".equals(m.outcome())).count(),
                mediations.stream().filter(m -> "NOT_ACCEPTED".equals(m.outcome())).count(),
                ratio(agreements, concluded), average(mediationDays), median(mediationDays));

        long met = 0;
        long late = 0;
        for (StatisticsQueries.DeadlineCount d : deadlineCounts) {
            if ("MET".equals(d.state())) {
                met = d.n();
            } else {
                late = d.n();
            }
        }
        List<Statistics.CauseFigure> causeFigures = new ArrayList<>();
        BigDecimal claimed = BigDecimal.ZERO;
        for (StatisticsQueries.CauseCount c : causesLater.join()) {
            claimed = claimed.add(c.claimed());
            causeFigures.add(new Statistics.CauseFigure(c.causeCode(),
                    causes.find(c.causeCode()).map(CaseCause::name).orElse(c.causeCode()), c.n()));
        }
        long[] sessions = sessionsLater.join();
        long[] onTheSpot = queries.paidOnTheSpot(f);
        return new Statistics(f, totals, months, mediation, stages(f, eventsLater.join()),
                new Statistics.OnTime(met, late, ratio(met, met + late)),
                new Statistics.Amounts(money(claimed), money(agreed), money(paid),
                        queries.implausible(f, limits.perClaim(), limits.perCase()), limits.perClaim(), limits.perCase()),
                causeFigures, new Statistics.Rate(sessions[0], sessions[1], ratio(sessions[1], sessions[0])),
                new Statistics.Rate(onTheSpot[0], onTheSpot[1], ratio(onTheSpot[1], onTheSpot[0])), documents(f));
    }

    /** Per kind of document, the hours from the last beginning of its step to its issue. */
    private List<Statistics.DocumentTurnaround> documents(StatisticsFilter f) {
        Map<Long, StatisticsQueries.DocumentTurn> latest = new LinkedHashMap<>();
        for (StatisticsQueries.DocumentTurn t : queries.documentTurns(f)) {
            latest.merge(t.documentId(), t, (a, b) -> a.stepBegan().after(b.stepBegan()) ? a : b);
        }
        Map<String, List<Double>> hours = new java.util.TreeMap<>();
        for (StatisticsQueries.DocumentTurn t : latest.values()) {
            hours.computeIfAbsent(t.title(), k -> new ArrayList<>())
                    .add((t.issuedAt().getTime() - t.stepBegan().getTime()) / 3_600_000.0);
        }
        List<Statistics.DocumentTurnaround> out = new ArrayList<>();
        hours.forEach((title, h) -> out.add(new Statistics.DocumentTurnaround(title, h.size(), average(h), median(h))));
        return out;
    }

    private List<Statistics.Month> months(StatisticsFilter f, List<StatisticsQueries.CaseSpan> spans) {
        List<Statistics.Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(f.from()); !m.isAfter(YearMonth.from(f.to())); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1);
            YearMonth month = m;
            long opened = spans.stream().filter(s -> YearMonth.from(s.receivedOn()).equals(month)).count();
            long closed = spans.stream().filter(s -> s.closedAt() != null && YearMonth.from(day(s.closedAt())).equals(month))
                    .count();
            long openAtStart = spans.stream().filter(s -> s.receivedOn().isBefore(first)
                    && (s.closedAt() == null || !day(s.closedAt()).isBefore(first))).count();
            months.add(new Statistics.Month(m.toString(), opened, closed, openAtStart, ratio(closed, openAtStart + opened)));
        }
        return months;
    }

    private List<Statistics.StageFigures> stages(StatisticsFilter f, List<StatisticsQueries.StageEvent> events) {
        Map<String, List<Double>> days = new LinkedHashMap<>();
        Map<String, long[]> counts = new HashMap<>(); // [entered by cases received in period, ended in period, within limit]
        for (CaseStage s : MEASURED) {
            days.put(s.name(), new ArrayList<>());
            counts.put(s.name(), new long[3]);
        }
        Map<Long, Set<String>> enteredByCase = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            StatisticsQueries.StageEvent e = events.get(i);
            if (!"STAGE_ENTERED".equals(e.kind()) || !counts.containsKey(e.stage())) {
                continue;
            }
            if (within(e.receivedOn(), f) && enteredByCase.computeIfAbsent(e.caseId(), k -> new HashSet<>()).add(e.stage())) {
                counts.get(e.stage())[0]++;
            }
            StatisticsQueries.StageEvent next = i + 1 < events.size() && events.get(i + 1).caseId() == e.caseId()
                    ? events.get(i + 1) : null;
            if (next == null || !within(day(next.occurredAt()), f)) {
                continue;
            }
            days.get(e.stage()).add((next.occurredAt().getTime() - e.occurredAt().getTime()) / DAY);
            counts.get(e.stage())[1]++;
            String period = stageLimits.get(e.stage());
            if (period != null && !day(next.occurredAt()).isAfter(deadlines.compute(period, day(e.occurredAt())).due())) {
                counts.get(e.stage())[2]++;
            }
        }
        List<Statistics.StageFigures> out = new ArrayList<>();
        for (CaseStage s : MEASURED) {
            long[] c = counts.get(s.name());
            String period = stageLimits.get(s.name());
            StatutoryPeriod p = period == null ? null : periods.get(period);
            out.add(new Statistics.StageFigures(s.name(), s.label(), c[0], c[1], average(days.get(s.name())),
                    median(days.get(s.name())), period, p == null ? null : p.length() + p.unit().label(),
                    period == null ? null : ratio(c[2], c[1]), p == null ? null : p.title()));
        }
        return out;
    }

    private static boolean within(LocalDate day, StatisticsFilter f) {
        return !day.isBefore(f.from()) && !day.isAfter(f.to());
    }

    private static LocalDate day(java.sql.Timestamp t) {
        return LocalDate.ofInstant(t.toInstant(), WorkingDayCalendar.ZONE);
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    static Double average(List<Double> values) {
        return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 1);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return round(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2, 1);
    }

    private static Double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal money(BigDecimal value) {
        return (value == null ? BigDecimal.ZERO : value).setScale(2, RoundingMode.HALF_UP);
    }
}
