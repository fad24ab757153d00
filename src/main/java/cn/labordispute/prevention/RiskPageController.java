package cn.labordispute.prevention;

import cn.labordispute.calendar.Times;
import cn.labordispute.security.Caller;
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

    RiskPageController(RiskLedger ledger, TaskService tasks) {
        this.ledger = ledger;
        this.tasks = tasks;
    }

    private static String step(Task t) {
        return t.getName() + "（" + (t.getAssignee() == null ? "待认领" : t.getAssignee())
                + (t.getDueDate() == null ? "" : "，" + Times.INSTANCE.day(t.getDueDate().toInstant()) + " 前") + "）";
    }

    @GetMapping("/supervision/risks")
    String page(Caller caller, HttpServletRequest request, Model model) {
        List<Risk> risks = ledger.list(caller.cityWide() ? null : caller.organisations(), null);
        // the open risks' steps in one task query, matched to their risks through the process instance
        Map<String, String> riskByProcess = ledger.openRiskProcesses();
        Map<String, List<String>> steps = riskByProcess.isEmpty() ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(riskByProcess.keySet().toArray(String[]::new))
                        .orderByDueDate().asc().list().stream()
                        .collect(Collectors.groupingBy(t -> riskByProcess.get(t.getProcessInstanceId()),
                                Collectors.mapping(RiskPageController::step, Collectors.toList())));
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
        return "pages/risks";
    }
}
