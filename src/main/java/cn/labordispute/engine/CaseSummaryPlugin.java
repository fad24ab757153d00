package cn.labordispute.engine;

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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.spin.plugin.variable.SpinValues;
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
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(WorkingDayCalendar.ZONE);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(WorkingDayCalendar.ZONE);
    private static final int STORY = 300;

    private final CaseRepository cases;
    private final CaseCauses causes;
    private final StatutoryPeriods periods;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseSummaryPlugin(CaseRepository cases, CaseCauses causes, StatutoryPeriods periods, JdbcClient jdbc,
            ObjectMapper json) {
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
        cases.findByNumber(caseNumber).ifPresent(c -> task.setVariableLocal(VARIABLE, summary(c, task)));
    }

    /**
     * Every period of the table in words ({"MEDIATION_LIMIT": "15日", …}) for the forms' sentences
     * ({@code {{periods.MEDIATION_LIMIT}}}): a length changed in the table shows in every form without editing it.
     */
    private Object periodsInWords() {
        Map<String, String> words = new TreeMap<>();
        periods.all().forEach(p -> words.put(p.name(), p.describe()));
        try {
            return SpinValues.jsonValue(json.writeValueAsString(words)).create();
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
