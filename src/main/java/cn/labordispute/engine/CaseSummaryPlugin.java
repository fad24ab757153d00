package cn.labordispute.engine;

import cn.labordispute.calendar.Times;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.CaseEvent;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.Claim;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.cases.Party;
import cn.labordispute.deadlines.StatutoryPeriod;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.deadlines.WatchTaskDeadline;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every step of a case shows the case it decides: when a user task is created it gets the task variable
 * {@code caseSummary}, a short read-only account in Markdown that every form shows at its top ({@code {{caseSummary}}}):
 * the parties (identity numbers masked), the employer, the claims with their amounts, the applicant's own account, the
 * evidence (links that open it), what happened last and when, and this step's deadline as a date with its period and
 * legal basis. One builder for all forms; a form adds nothing but the one line. Every task also gets {@code periods},
 * the periods table in words, so that a form's sentence names a period by the table ({@code {{periods.MEDIATION_LIMIT}}})
 * instead of copying its length.
 */
@Component
public class CaseSummaryPlugin extends AbstractProcessEnginePlugin implements TaskListener {

    public static final String VARIABLE = "caseSummary";
    public static final String PERIODS = "periods";
    public static final String WORDS = "words";
    /** Variables that hold a member of staff's login, shown by name. */
    private static final Set<String> STAFF_VARIABLES = Set.of("firstResponder", "mediationAssignee", "assignedMediator",
            "leadMediator", "arbitrationAssignee");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingDayCalendar.ZONE);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(WorkingDayCalendar.ZONE);
    private static final int STORY = 300;

    private final CaseRepository cases;
    private final CaseCauses causes;
    private final StatutoryPeriods periods;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final MessageSource messages;

    CaseSummaryPlugin(CaseRepository cases, CaseCauses causes, StatutoryPeriods periods, JdbcClient jdbc,
            ObjectMapper json, MessageSource messages) {
        this.messages = messages;
        this.json = json;
        this.cases = cases;
        this.causes = causes;
        this.periods = periods;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.configure(configuration,
                definition -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, this));
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(PERIODS, periodsInWords());
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if (caseNumber == null) {
            return;
        }
        cases.findByNumber(caseNumber).ifPresent(c -> {
            task.setVariableLocal(VARIABLE, summary(c, task));
            prefill(c, task);
        });
        task.setVariableLocal(WORDS, json(words(task)));
    }

    /**
     * The case's recorded values as people read them, for the forms' sentences ({@code {{words.hearingAt}}}): dates
     * and times as 2026年12月9日 10:00, choices by their Chinese names (message {@code words.<variable>.<value>}), yes
     * and no as 是 / 否, staff by name; for 超期督办, whether the late step is still open and who holds it.
     */
    private Map<String, String> words(DelegateTask task) {
        Map<String, String> out = new TreeMap<>();
        task.getVariables().forEach((name, value) -> {
            if (value instanceof Boolean b) {
                out.put(name, b ? "是" : "否");
            } else if (value instanceof String text && !text.isEmpty()) {
                if (STAFF_VARIABLES.contains(name)) {
                    out.put(name, staffName(task, text));
                } else if (!Times.INSTANCE.text(text).equals(text)) {
                    out.put(name, Times.INSTANCE.text(text));
                } else if (text.matches("[A-Z][A-Z_]+")) {
                    out.put(name, messages.getMessage("words." + name + "." + text, null, text, Locale.CHINESE));
                }
            }
        });
        if (task.getVariable("overdueTaskId") instanceof String late) {
            out.put("overdueTaskState", lateStepState(task, late));
        }
        return out;
    }

    /** 仍在办理（承办人：王芳） or 已于 2026年12月9日 10:00 由 王芳 办结. */
    private String lateStepState(DelegateTask task, String taskId) {
        var services = task.getProcessEngineServices();
        org.camunda.bpm.engine.task.Task open = services.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (open != null) {
            return open.getAssignee() == null ? "仍在办理，尚无人认领（在组待办中）"
                    : "仍在办理，承办人：" + staffName(task, open.getAssignee());
        }
        var done = services.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (done == null || done.getEndTime() == null) {
            return "已不在办理中";
        }
        return "已于 " + MINUTE.format(done.getEndTime().toInstant()) + " 由 "
                + (done.getAssignee() == null ? "系统" : staffName(task, done.getAssignee())) + " 办结";
    }

    private static String staffName(DelegateTask task, String userId) {
        var user = task.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId).singleResult();
        return user == null || user.getFirstName() == null ? userId : user.getFirstName();
    }

    /**
     * What the record already knows, filled into the step's form: the session's participants from the parties, the
     * agreement's amounts from the claims. Set on the case (not the step) and only when not yet recorded, so what
     * the mediator typed before stays and what she submits is what the case keeps.
     */
    private void prefill(DisputeCase c, DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_ScheduleMediationSession" -> unlessRecorded(task, "sessionParticipants", () -> participants(c, task));
            case "Task_DraftMediationAgreement" -> {
                BigDecimal total = cases.claims(c.id()).stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                unlessRecorded(task, "agreedAmount", total::doubleValue);
                unlessRecorded(task, "firstPaymentAmount", total::doubleValue);
            }
            default -> {
            }
        }
    }

    private static void unlessRecorded(DelegateTask task, String name, java.util.function.Supplier<Object> value) {
        if (!task.getExecution().hasVariable(name)) {
            task.getExecution().setVariable(name, value.get());
        }
    }

    private String participants(DisputeCase c, DelegateTask task) {
        List<Party> parties = cases.parties(c.id());
        String workers = parties.stream().filter(p -> p.role() == Party.Role.WORKER).map(Party::name)
                .collect(Collectors.joining("、"));
        String employer = parties.stream().filter(p -> p.role() == Party.Role.EMPLOYER).map(Party::name).findFirst()
                .orElse("");
        Object mediator = task.getAssignee() != null ? task.getAssignee() : task.getVariable("mediationAssignee");
        String mediatorName = mediator == null ? "" : staffName(task, mediator.toString());
        return "申请人：" + workers + "\n被申请人：" + employer + "（法定代表人或委托代理人）"
                + (mediatorName.isEmpty() ? "" : "\n调解员：" + mediatorName);
    }

    /**
     * Every period of the table in words ({"MEDIATION_LIMIT": "15日", …}) for the forms' sentences
     * ({@code {{periods.MEDIATION_LIMIT}}}): a length changed in the table shows in every form without editing it.
     */
    private Object periodsInWords() {
        Map<String, String> words = new TreeMap<>();
        periods.all().forEach(p -> words.put(p.name(), p.describe()));
        return json(words);
    }

    private Object json(Map<String, String> values) {
        try {
            return SpinValues.jsonValue(json.writeValueAsString(values)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    String summary(DisputeCase c, DelegateTask task) {
        List<String> lines = new ArrayList<>();
        lines.add("- **案号**：" + c.caseNumber() + (c.collective() ? "（集体争议）" : ""));
        List<Party> parties = cases.parties(c.id());
        List<String> workers = parties.stream().filter(p -> p.role() == Party.Role.WORKER)
                .map(p -> text(p.name()) + "（" + text(p.maskedIdNumber()) + (p.migrantWorker() ? "，农民工" : "")
                        + (p.claimedAmount() != null ? "，请求 " + yuan(p.claimedAmount()) : "") + "）")
                .toList();
        lines.add("- **申请人**：" + (workers.size() > 5
                ? String.join("、", workers.subList(0, 5)) + " 等" + workers.size() + "人" : String.join("、", workers)));
        parties.stream().filter(p -> p.role() == Party.Role.EMPLOYER).findFirst()
                .ifPresent(e -> lines.add("- **用人单位**：" + text(e.name()) + "（" + e.idNumber() + "）"));
        List<Claim> claims = cases.claims(c.id());
        BigDecimal total = claims.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        lines.add("- **请求事项**：" + claims.stream()
                .map(k -> causes.find(k.causeCode()).map(CaseCause::name).orElse(k.causeCode()) + " " + yuan(k.amount()))
                .collect(Collectors.joining("；")) + (claims.size() > 1 ? "（合计 " + yuan(total) + "）" : ""));
        String story = c.summary().length() > STORY ? c.summary().substring(0, STORY) + "……" : c.summary();
        lines.add("- **事实与理由**：" + text(story));
        lines.add("- **证据**：" + evidence(c));
        List<CaseEvent> events = cases.events(c.id());
        if (!events.isEmpty()) {
            CaseEvent last = events.get(events.size() - 1);
            lines.add("- **最近进展**：" + MINUTE.format(last.occurredAt()) + " " + text(last.detail() == null ? "" : last.detail()));
        }
        deadline(task).ifPresent(lines::add);
        return String.join("\n", lines);
    }

    private String evidence(DisputeCase c) {
        List<String> files = jdbc.sql("SELECT id, file_name FROM pt_evidence WHERE case_id = ? ORDER BY id")
                .param(c.id())
                .query((rs, n) -> "[" + text(rs.getString(2)) + "](/api/cases/" + encode(c.caseNumber()) + "/evidence/"
                        + rs.getLong(1) + ")")
                .list();
        return files.isEmpty() ? "未在网上提交（纸质证据见卷宗）" : String.join("、", files);
    }

    /** This step's deadline: the date, and for a statutory period its length, start and legal basis. */
    private Optional<String> deadline(DelegateTask task) {
        if (task.getDueDate() == null) {
            return Optional.empty();
        }
        String line = "- **本步骤办理期限**：" + DAY.format(task.getDueDate().toInstant());
        String code = WatchTaskDeadline.periodOf(task);
        StatutoryPeriod period = code == null || !periods.contains(code) ? null : periods.get(code);
        if (period != null) {
            line += "（" + period.describe() + "，自" + period.countsFrom() + "起算；依据：" + period.source() + "）";
        }
        return Optional.of(line);
    }

    private static String yuan(BigDecimal amount) {
        return new DecimalFormat("#,##0.00").format(amount) + " 元";
    }

    /** What a party wrote, shown as written: nothing in it becomes a link, a picture or a heading. */
    private static String text(String s) {
        return s.replace("\\", "\\\\").replaceAll("([`*_\\[\\]()#!<>|{}~])", "\\\\$1").replaceAll("\\s*\\n\\s*", " ");
    }

    private static String encode(String caseNumber) {
        return java.net.URLEncoder.encode(caseNumber, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
