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

    /**
     * A ledger row: the steps its process waits at, each in words (第一时间响应（待认领，2026年12月1日前）) with its task,
     * and how many other risks of the ledger concern the same employer.
     */
    public record Row(Risk risk, List<Step> steps, long sameEmployer) {
    }

    /** An open step of a risk: its task, and the step in words. */
    public record Step(String taskId, String text) {
    }

    /** The ledger's filters, as the page and the export take them; blank means any. */
    public record Filter(String level, String category, String status, String organisation, String employer) {

        boolean keeps(Risk r) {
            return (blank(level) || level.equals(r.level())) && (blank(category) || category.equals(r.category()))
                    && (blank(status) || status.equals(r.status()))
                    && (blank(organisation) || organisation.equals(r.organisation()))
                    && (blank(employer) || r.employerName().contains(employer.trim())
                            || employer.trim().equalsIgnoreCase(r.employerCreditCode()));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
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

    private Step step(Task t) {
        return new Step(t.getId(), t.getName() + "（" + (t.getAssignee() == null ? "待认领" : names.of(t.getAssignee()))
                + (t.getDueDate() == null ? "" : "，" + Times.INSTANCE.day(t.getDueDate().toInstant()) + "前") + "）");
    }

    @GetMapping("/supervision/risks")
    String page(Filter filter, Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute("form", Map.of());
        model.addAttribute("filter", filter);
        return render(caller, model, filter);
    }

    /** The ledger as the page filters it, as CSV with a byte-order mark and Chinese headers (Excel reads it). */
    @GetMapping("/supervision/risks.csv")
    org.springframework.http.ResponseEntity<byte[]> export(Filter filter, Caller caller) {
        StringBuilder csv = new StringBuilder("\uFEFF风险编号,组织,等级,类别,来源,用人单位,统一社会信用代码,人数,金额（元）,状态,关联案件,登记时间,风险情况\r\n");
        for (Row row : rows(risks(caller), filter)) {
            Risk x = row.risk();
            csv.append(String.join(",", cell(x.riskNumber()), cell(x.organisation()), cell(x.levelLabel()),
                    cell(x.categoryLabel()), cell(SOURCE_NAMES.getOrDefault(x.source(), x.source())), cell(x.employerName()),
                    cell(x.employerCreditCode()), String.valueOf(x.workers()), x.amount().toPlainString(),
                    cell(STATUS_NAMES.getOrDefault(x.status(), x.status())), cell(x.caseNumber()),
                    cell(Times.INSTANCE.minute(x.reportedAt())), cell(x.description()))).append("\r\n");
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename("风险台账.csv", java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static final Map<String, String> SOURCE_NAMES = Map.of("STAFF", "工作人员发现", "WAGE_ARREARS", "欠薪信号",
            "SOCIAL_INSURANCE_ARREARS", "社保欠费", "INTAKE_CLUSTER", "案件聚集", "COLLECTIVE_CASE", "集体争议受理",
            "COMPLAINT", "投诉举报", "PETITION", "信访", "PUBLIC_OPINION", "社会舆情");
    static final Map<String, String> STATUS_NAMES = Map.of("OPEN", "处置中", "CLOSED", "已化解", "TURNED_INTO_CASE", "已转为案件");

    private static String cell(String value) {
        String v = value == null ? "" : value.replace("\r", " ").replace("\n", " ");
        if (v.startsWith("=") || v.startsWith("+") || v.startsWith("-") || v.startsWith("@")) {
            v = "'" + v; // a spreadsheet does not run what a cell says
        }
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
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
        model.addAttribute("filter", new Filter(null, null, null, null, null));
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
        return render(caller, model, new Filter(null, null, null, null, null));
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

    /** The caller's organisations' risks the filter keeps, open ones first, with their steps and same-employer counts. */
    private List<Row> rows(List<Risk> risks, Filter filter) {
        // the open risks' steps in one task query, matched to their risks through the process instance
        Map<String, String> riskByProcess = ledger.openRiskProcesses();
        Map<String, List<Step>> steps = riskByProcess.isEmpty() ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(riskByProcess.keySet().toArray(String[]::new))
                        .orderByDueDate().asc().list().stream()
                        .collect(Collectors.groupingBy(t -> riskByProcess.get(t.getProcessInstanceId()),
                                Collectors.mapping(this::step, Collectors.toList())));
        Map<String, Long> byEmployer = risks.stream().collect(Collectors.groupingBy(RiskPageController::employerKey,
                Collectors.counting()));
        return risks.stream().filter(filter::keeps)
                .sorted((a, b) -> Boolean.compare(!"OPEN".equals(a.status()), !"OPEN".equals(b.status())))
                .map(r -> new Row(r, steps.getOrDefault(r.riskNumber(), List.of()), byEmployer.get(employerKey(r)) - 1))
                .toList();
    }

    /** One employer: its credit code, or its name where the risk has none. */
    private static String employerKey(Risk r) {
        return r.employerCreditCode() == null || r.employerCreditCode().isBlank() ? "name:" + r.employerName()
                : r.employerCreditCode();
    }

    private List<Risk> risks(Caller caller) {
        return ledger.list(caller.cityWide() ? null : caller.organisations(), null);
    }

    private String render(Caller caller, Model model, Filter filter) {
        List<Risk> risks = risks(caller);
        List<Row> rows = rows(risks, filter);
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
