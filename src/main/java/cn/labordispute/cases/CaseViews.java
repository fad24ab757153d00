package cn.labordispute.cases;

import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import cn.labordispute.calendar.EngineTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Puts together a case's record, its open tasks (in every stage process) and its completed tasks. */
@Service
public class CaseViews {

    private final CaseRepository cases;
    private final Organisations organisations;
    private final CaseCauses causes;
    private final TaskService tasks;
    private final HistoryService history;
    private final org.springframework.context.MessageSource messages;

    CaseViews(CaseRepository cases, Organisations organisations, CaseCauses causes, TaskService tasks,
            HistoryService history, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.cases = cases;
        this.organisations = organisations;
        this.causes = causes;
        this.tasks = tasks;
        this.history = history;
    }

    /**
     * The case as staff read it, personal data masked except the fields in {@code reveal} (already checked and logged
     * by {@link CaseAccess}).
     */
    CaseView view(DisputeCase c, Set<String> reveal, boolean mayReveal) {
        String orgName = organisations.find(c.orgCode()).map(Organisation::name).orElse(c.orgCode());
        boolean fullId = reveal.contains("idNumber");
        boolean fullPhone = reveal.contains("phone");
        List<CaseView.PartyView> parties = cases.parties(c.id()).stream()
                .map(p -> new CaseView.PartyView(p.role().name(), p.name(), p.idType(),
                        fullId || p.role() == Party.Role.EMPLOYER ? p.idNumber() : p.maskedIdNumber(),
                        p.maskedIdNumber(), fullPhone ? p.phone() : PersonalData.maskPhone(p.phone()),
                        p.migrantWorker(), p.claimedAmount(), p.representative(),
                        p.outcome(), p.outcome() == null ? null : CaseOutcomes.label(p.outcome())))
                .toList();
        List<Claim> claimRows = cases.claims(c.id());
        List<CaseView.ClaimView> claims = claimRows.stream()
                .map(k -> new CaseView.ClaimView(k.causeCode(),
                        causes.find(k.causeCode()).map(CaseCause::name).orElse(k.causeCode()), k.description(),
                        k.amount()))
                .toList();
        BigDecimal total = claimRows.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CaseView(c.caseNumber(), c.orgCode(), orgName, c.requestedProcedure(), c.collective(), c.summary(),
                c.receivedOn(), c.stage().name(), c.stage().label(), c.status(), c.outcome(),
                c.outcome() == null ? null : CaseOutcomes.label(c.outcome()), c.closedAt(), parties, claims, total,
                openTasks(c.caseNumber()), completedTasks(c.caseNumber()), cases.events(c.id()),
                cases.firstResponder(c.id()).orElse(null), cases.possibleDuplicateOf(c.id()).orElse(null), mayReveal,
                List.copyOf(new java.util.TreeSet<>(reveal)), session(c.caseNumber()));
    }

    /** The latest scheduled session of the case's mediation, from the variables its processes recorded. */
    private CaseView.Session session(String caseNumber) {
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .list().stream().map(p -> p.getId()).toList();
        if (instances.isEmpty()) {
            return null;
        }
        java.util.Map<String, Object> v = new java.util.HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceIdIn(instances.toArray(String[]::new))
                .variableNameIn("sessionAt", "sessionMode", "sessionPlace", "sessionLink").list()
                .forEach(h -> v.put(h.getName(), h.getValue()));
        if (!(v.get("sessionAt") instanceof String at)) {
            return null;
        }
        String mode = (String) v.get("sessionMode");
        String label = mode == null ? null
                : messages.getMessage("words.sessionMode." + mode, null, mode, java.util.Locale.CHINESE);
        return new CaseView.Session(at, mode, label, (String) v.get("sessionPlace"),
                "ONLINE".equals(mode) ? (String) v.get("sessionLink") : null);
    }

    private List<CaseView.TaskView> openTasks(String caseNumber) {
        Instant now = EngineTime.now();
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).orderByTaskCreateTime().asc().list()
                .stream().map(t -> open(t, now)).toList();
    }

    private CaseView.TaskView open(Task t, Instant now) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        Instant due = instant(t.getDueDate());
        return new CaseView.TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(),
                processKey(t.getProcessDefinitionId()), t.getAssignee(), groups, instant(t.getCreateTime()), due, null,
                due != null && due.isBefore(now));
    }

    private List<CaseView.TaskView> completedTasks(String caseNumber) {
        return history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).finished()
                .orderByHistoricActivityInstanceStartTime().asc().list().stream()
                .map(this::done).toList();
    }

    private CaseView.TaskView done(HistoricTaskInstance t) {
        Instant due = instant(t.getDueDate());
        Instant end = instant(t.getEndTime());
        return new CaseView.TaskView(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getProcessDefinitionKey(),
                t.getAssignee(), List.of(), instant(t.getStartTime()), due, end,
                due != null && end != null && end.isAfter(due));
    }

    private static String processKey(String processDefinitionId) {
        return processDefinitionId == null ? null : processDefinitionId.split(":")[0];
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
