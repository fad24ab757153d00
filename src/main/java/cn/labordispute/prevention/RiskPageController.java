package cn.labordispute.prevention;

import cn.labordispute.calendar.Times;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Organisations;
import cn.labordispute.security.StaffNames;
import cn.labordispute.text.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** GET /supervision/risks: the risk ledger of the supervisor's organisations, open risks first, and where each stands. */
@Controller
class RiskPageController {

    /** A ledger row with the steps its process waits at, in words: 第一时间响应（待认领，2026-12-01 前）. */
    public record Row(Risk risk, List<String> steps) {
    }

    private final RiskLedger ledger;
    private final TaskService tasks;
    private final Organisations organisations;
    private final StaffNames names;

    RiskPageController(RiskLedger ledger, TaskService tasks, Organisations organisations, StaffNames names) {
        this.names = names;
        this.organisations = organisations;
        this.ledger = ledger;
        this.tasks = tasks;
    }

    private String step(Task t) {
        return t.getName() + "（" + (t.getAssignee() == null ? "待认领" : names.of(t.getAssignee()))
                + (t.getDueDate() == null ? "" : "，" + Times.INSTANCE.day(t.getDueDate().toInstant()) + " 前") + "）";
    }

    @GetMapping("/supervision/risks")
    String page(Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute("form", Map.of());
        return render(caller, model);
    }

    /**
     * 登记风险 from the page: {@code action=preview} shows the grade the decision table gives before anything is
     * saved; {@code action=save} saves it and starts its response. Bad input: 400 with each field named, nothing saved.
     */
    @PostMapping("/supervision/risks")
    String report(@RequestParam Map<String, String> form,
            @RequestParam(name = "affectedGroups", required = false) List<String> groups, Caller caller,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>();
        Integer workers = number(form.get("workers"), "workers", errors, Integer::valueOf);
        BigDecimal amount = number(form.get("amount"), "amount", errors, BigDecimal::new);
        String organisation = form.get("organisation");
        if (organisation != null && !organisation.isBlank() && !caller.mayActFor(organisation)) {
            errors.add(FieldError.of("organisation", "api.notPermitted"));
        }
        RiskReport report = new RiskReport(organisation, form.get("employerName"), form.get("employerCreditCode"),
                form.get("source"), groups == null ? List.of() : groups, workers, amount,
                "true".equals(form.get("petitionRisk")), form.get("description"), blank(form.get("caseNumber")));
        model.addAttribute("form", form);
        model.addAttribute("groups", groups == null ? List.of() : groups);
        try {
            RiskLedger.Grade grade = ledger.grade(report); // checks every field the ledger checks
            if (!errors.isEmpty()) {
                throw new InvalidApplicationException(errors);
            }
            if ("save".equals(form.get("action"))) {
                String number = ledger.report(report, caller.userId());
                redirect.addFlashAttribute("message", "已登记风险 " + number + "，已按决策表分级并进入处置流程");
                return "redirect:/supervision/risks";
            }
            model.addAttribute("grade", grade);
        } catch (InvalidApplicationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            List<FieldError> all = new ArrayList<>(errors);
            e.errors().stream().filter(x -> errors.stream().noneMatch(y -> y.field().equals(x.field()))).forEach(all::add);
            model.addAttribute("errors", all);
        }
        return render(caller, model);
    }

    private static <T> T number(String text, String field, List<FieldError> errors, java.util.function.Function<String, T> parse) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse.apply(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "risk." + field));
            return null;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private String render(Caller caller, Model model) {
        List<Risk> risks = ledger.list(caller.cityWide() ? null : caller.organisations(), null);
        // the open risks' steps in one task query, matched to their risks through the process instance
        Map<String, String> riskByProcess = ledger.openRiskProcesses();
        Map<String, List<String>> steps = riskByProcess.isEmpty() ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(riskByProcess.keySet().toArray(String[]::new))
                        .orderByDueDate().asc().list().stream()
                        .collect(Collectors.groupingBy(t -> riskByProcess.get(t.getProcessInstanceId()),
                                Collectors.mapping(this::step, Collectors.toList())));
        List<Row> rows = risks.stream()
                .sorted((a, b) -> Boolean.compare(!"OPEN".equals(a.status()), !"OPEN".equals(b.status())))
                .map(r -> new Row(r, steps.getOrDefault(r.riskNumber(), List.of())))
                .toList();
        Map<String, Long> openByLevel = risks.stream().filter(r -> "OPEN".equals(r.status()))
                .collect(Collectors.groupingBy(r -> r.level() == null ? "NONE" : r.level(), Collectors.counting()));
        model.addAttribute("rows", rows);
        model.addAttribute("major", openByLevel.getOrDefault("MAJOR", 0L));
        model.addAttribute("significant", openByLevel.getOrDefault("SIGNIFICANT", 0L));
        model.addAttribute("general", openByLevel.getOrDefault("GENERAL", 0L));
        model.addAttribute("user", caller.userId());
        model.addAttribute("organisations", organisations.all().stream().filter(o -> caller.mayActFor(o.code())).toList());
        return "pages/risks";
    }
}
