package cn.labordispute.supervision;

import cn.labordispute.text.Table;
import cn.labordispute.security.StaffDirectory;
import cn.labordispute.text.Texts;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Organisations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The statistics a supervisor reports: the page /supervision/statistics with its charts, the same figures as JSON at
 * /api/statistics, and each figure as CSV or Excel at /api/statistics/{figure}.csv|.xlsx. Supervisors see their own
 * organisations, the city supervisor all; anyone else gets 403. Bad parameters get 400 naming the field.
 */
@Controller
class StatisticsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatisticsService statistics;
    private final Organisations organisations;
    private final CaseCauses causes;
    private final ObjectMapper json;

    private final StaffDirectory staff;

    StatisticsController(StatisticsService statistics, Organisations organisations, CaseCauses causes, ObjectMapper json,
            StaffDirectory staff) {
        this.staff = staff;
        this.statistics = statistics;
        this.organisations = organisations;
        this.causes = causes;
        this.json = json;
    }

    /** Either a filter or the reasons there is none: 403 with the field if not allowed, 400 if malformed. */
    private record Checked(StatisticsFilter filter, int status, List<FieldError> errors) {
    }

    private Checked check(Caller caller, StatisticsParams p) {
        Set<String> supervised = SupervisionService.supervised(caller);
        if (supervised != null && supervised.isEmpty()) {
            return new Checked(null, 403, List.of(FieldError.of("organisation", "statistics.forbidden")));
        }
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = EngineTime.today();
        LocalDate to = date(p.to(), "to", today, errors);
        LocalDate from = date(p.from(), "from", today.withDayOfMonth(1).minusMonths(11), errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(FieldError.of("from", "statistics.fromAfterTo"));
        }
        if (from != null && to != null && from.plusYears(10).isBefore(to)) {
            errors.add(FieldError.of("from", "statistics.tooLong"));
        }
        Set<String> scope = supervised;
        String org = blank(p.organisation());
        if (org != null) {
            if (organisations.find(org).isEmpty()) {
                errors.add(FieldError.of("organisation", "api.organisation.unknown", org));
            } else if (supervised != null && !supervised.contains(org)) {
                return new Checked(null, 403, List.of(FieldError.of("organisation", "statistics.forbidden")));
            } else {
                scope = Set.of(org);
            }
        }
        String cause = blank(p.cause());
        if (cause != null && causes.find(cause).isEmpty()) {
            errors.add(FieldError.of("cause", "statistics.cause", cause));
        }
        String collective = blank(p.collective());
        if (collective != null && !collective.equals("true") && !collective.equals("false")) {
            errors.add(FieldError.of("collective", "statistics.collective"));
        }
        String mediator = mediator(blank(p.mediator()), scope, errors);
        if (!errors.isEmpty()) {
            return new Checked(null, 400, errors);
        }
        return new Checked(new StatisticsFilter(from, to, scope, mediator,
                cause == null ? null : statistics.causeAndChildren(cause),
                collective == null ? null : Boolean.valueOf(collective)), 200, List.of());
    }

    @GetMapping("/supervision/statistics")
    String page(Caller caller, StatisticsParams p, HttpServletRequest request, HttpServletResponse response, Model model)
            throws JsonProcessingException {
        Checked checked = check(caller, p);
        model.addAttribute("user", caller.userId());
        model.addAttribute("p", p);
        model.addAttribute("organisations", organisations.all().stream()
                .filter(o -> caller.cityWide() || SupervisionService.supervised(caller).contains(o.code())).toList());
        model.addAttribute("causes", causes.all());
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        if (checked.filter() == null) {
            response.setStatus(checked.status());
            model.addAttribute("errors", checked.errors());
            return "pages/statistics";
        }
        Statistics s = statistics.compute(checked.filter());
        model.addAttribute("from", checked.filter().from().toString());
        model.addAttribute("to", checked.filter().to().toString());
        model.addAttribute("s", s);
        model.addAttribute("json", json.writeValueAsString(s).replace("</", "<\\/"));
        model.addAttribute("tables", StatisticsTables.of(s));
        return "pages/statistics";
    }

    @GetMapping("/api/statistics")
    @ResponseBody
    ResponseEntity<?> json(Caller caller, StatisticsParams p) {
        Checked checked = check(caller, p);
        if (checked.filter() == null) {
            return refusal(checked);
        }
        return ResponseEntity.ok(statistics.compute(checked.filter()));
    }

    @GetMapping("/api/statistics/{figure}.{format}")
    @ResponseBody
    ResponseEntity<?> export(@PathVariable String figure, @PathVariable String format, Caller caller, StatisticsParams p) {
        Checked checked = check(caller, p);
        if (checked.filter() == null) {
            return refusal(checked);
        }
        if (!format.equals("csv") && !format.equals("xlsx")) {
            return refusal(new Checked(null, 400, List.of(FieldError.of("format", "statistics.format"))));
        }
        Map<String, Table> tables = StatisticsTables.of(statistics.compute(checked.filter()));
        Table table = tables.get(figure);
        if (table == null) {
            return refusal(new Checked(null, 400, List.of(FieldError.of("figure",
                    "statistics.figure", String.join(", ", tables.keySet())))));
        }
        boolean csv = format.equals("csv");
        String name = table.title() + "-" + checked.filter().from() + "-" + checked.filter().to() + "." + format;
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv ? table.csv() : table.xlsx());
    }

    private static ResponseEntity<?> refusal(Checked checked) {
        String key = checked.status() == 403 ? "api.notPermitted" : "api.badParameter";
        return ResponseEntity.status(HttpStatus.valueOf(checked.status()))
                .body(Map.of("message", Texts.zh(key), "messageEn", Texts.en(key), "errors", checked.errors()));
    }

    /**
     * The mediator a person typed: a name (王芳) among the staff of the organisations in scope, or a login as a
     * fallback; a name or login that matches nobody is named as an error, not answered with zeros.
     */
    private String mediator(String typed, Set<String> scope, List<FieldError> errors) {
        if (typed == null) {
            return null;
        }
        java.util.Set<String> matches = new java.util.LinkedHashSet<>();
        staff.staffOf(scope).forEach((id, name) -> {
            if (id.equals(typed) || name.equals(typed)) {
                matches.add(id);
            }
        });
        if (matches.size() == 1) {
            return matches.iterator().next();
        }
        errors.add(FieldError.of("mediator", matches.isEmpty() ? "statistics.mediator.unknown" : "statistics.mediator.ambiguous",
                typed));
        return null;
    }

    private static LocalDate date(String value, String field, LocalDate otherwise, List<FieldError> errors) {
        String v = blank(value);
        if (v == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "api.date.malformed"));
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
