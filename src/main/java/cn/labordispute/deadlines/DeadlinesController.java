package cn.labordispute.deadlines;

import cn.labordispute.text.Texts;
import cn.labordispute.cases.CaseAccess;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff check the system's deadline arithmetic, read the periods table, and see a case's watched deadlines. */
@RestController
class DeadlinesController {

    private final Deadlines deadlines;
    private final StatutoryPeriods periods;
    private final DeadlineRecords records;
    private final CaseAccess access;

    DeadlinesController(Deadlines deadlines, StatutoryPeriods periods, DeadlineRecords records, CaseAccess access) {
        this.deadlines = deadlines;
        this.periods = periods;
        this.records = records;
        this.access = access;
    }

    /** GET /api/deadlines?period=MEDIATION_ACCEPTANCE&from=2026-09-24: the last day, and every day the count skipped. */
    @GetMapping("/api/deadlines")
    ResponseEntity<Map<String, Object>> compute(@RequestParam(required = false) String period,
            @RequestParam(required = false) String from) {
        List<FieldError> errors = new ArrayList<>();
        if (period == null || !periods.contains(period)) {
            errors.add(FieldError.of("period", "deadline.period", period));
        }
        LocalDate start = null;
        try {
            start = from == null ? null : LocalDate.parse(from);
        } catch (DateTimeParseException e) {
            // reported below
        }
        if (start == null) {
            errors.add(FieldError.of("from", "api.date.malformed"));
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("message", Texts.zh("api.invalid"), "messageEn", Texts.en("api.invalid"), "errors", errors));
        }
        Deadline d = deadlines.compute(period, start);
        Map<String, Object> answer = new LinkedHashMap<>(describe(d.period()));
        answer.put("from", d.from().toString());
        answer.put("due", d.due().toString());
        answer.put("skipped", d.skipped());
        answer.put("needsReview", d.needsReview());
        return ResponseEntity.ok(answer);
    }

    /** GET /api/periods: the periods table as the system uses it (after configuration overrides). */
    @GetMapping("/api/periods")
    List<Map<String, Object>> periods() {
        Collection<StatutoryPeriod> all = periods.all();
        return all.stream().map(DeadlinesController::describe).toList();
    }

    /** GET /api/cases/{caseNumber}/deadlines: every deadline watched on the case, with its state. */
    @GetMapping("/api/cases/{caseNumber}/deadlines")
    ResponseEntity<?> forCase(@PathVariable String caseNumber, Caller caller) {
        if (!access.visible(caseNumber, caller)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Texts.message("case.notFound"));
        }
        return ResponseEntity.ok(records.forCase(caseNumber));
    }

    private static Map<String, Object> describe(StatutoryPeriod p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", p.name());
        m.put("title", p.title());
        m.put("length", p.length());
        m.put("unit", p.unit().name());
        m.put("label", p.describe());
        m.put("countsFrom", p.countsFrom());
        m.put("extension", p.extension());
        m.put("source", p.source());
        m.put("verified", p.verified());
        return m;
    }
}
