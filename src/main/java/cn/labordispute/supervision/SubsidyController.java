package cn.labordispute.supervision;

import cn.labordispute.text.Texts;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The monthly subsidy report (以案定补) per mediator, for supervisors of their organisations (the city supervisor: all):
 * GET /api/subsidies?month=2026-11 and the page /supervision/subsidies.
 */
@Controller
class SubsidyController {

    private final CaseSubsidies subsidies;

    SubsidyController(CaseSubsidies subsidies) {
        this.subsidies = subsidies;
    }

    @GetMapping("/api/subsidies")
    @ResponseBody
    ResponseEntity<?> report(@RequestParam(required = false) String month, Caller caller) {
        Set<String> scope = SupervisionService.supervised(caller);
        if (scope != null && scope.isEmpty()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("message", Texts.zh("subsidy.forbidden"), "messageEn", Texts.en("subsidy.forbidden")));
        }
        YearMonth m = parse(month);
        if (m == null) {
            return ResponseEntity.badRequest().body(Map.of("message", Texts.zh("api.invalid"),
                    "messageEn", Texts.en("api.invalid"), "errors", List.of(FieldError.of("month", "subsidy.month"))));
        }
        return ResponseEntity.ok(Map.of("month", m.toString(), "mediators", subsidies.month(m, scope)));
    }

    @GetMapping("/supervision/subsidies")
    String page(@RequestParam(required = false) String month, Caller caller, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("user", caller.userId());
        Set<String> scope = SupervisionService.supervised(caller);
        YearMonth m = parse(month);
        if ((scope != null && scope.isEmpty()) || m == null) {
            response.setStatus(m == null ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("errors", List.of(m == null
                    ? FieldError.of("month", "subsidy.month")
                    : FieldError.of("role", "subsidy.forbidden")));
            model.addAttribute("month", month);
            model.addAttribute("rows", List.of());
            model.addAttribute("total", BigDecimal.ZERO);
            return "pages/subsidies";
        }
        List<CaseSubsidies.MediatorMonth> rows = subsidies.month(m, scope);
        model.addAttribute("month", m.toString());
        model.addAttribute("rows", rows);
        model.addAttribute("total", rows.stream().map(CaseSubsidies.MediatorMonth::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add));
        return "pages/subsidies";
    }

    /** The month asked for, this month if none, or null if it is not a month. */
    private static YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(EngineTime.today());
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
