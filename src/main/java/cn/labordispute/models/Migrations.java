package cn.labordispute.models;

import cn.labordispute.text.Texts;
import cn.labordispute.security.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moving running cases to a process's newest version. The plan is Camunda's (equal activities mapped, event triggers
 * updated); the dry run runs the engine's own migration checks on the cases, a chunk at a time, in transactions that are
 * always rolled back, so it lists exactly the cases the engine would move and, for the others, where they wait and why they cannot; the migration itself
 * runs as a batch of the movable cases. Cases that cannot move stay on their version and keep working.
 */
@Service
public class Migrations {

    /** The dry run's answer. */
    public record Check(String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
            int targetVersion, List<String> mapped, List<String> unmapped, List<CaseMove> movable, List<CaseMove> blocked) {
    }

    /** One case: its process instance, case number and, if it cannot move, where it waits and why. */
    public record CaseMove(String processInstanceId, String caseNumber, String reason) {
    }

    /** A migration batch's progress. */
    public record Progress(String batchId, int total, int completed, int failed, int remaining, boolean finished) {
    }

    /** Cases checked together in one rolled-back transaction by the dry run. */
    private static final int CHUNK = 500;

    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ManagementService management;
    private final HistoryService history;
    private final ModelDeployments deployments;
    private final TransactionTemplate trial;

    private final ProcessEngineConfigurationImpl engine;

    public Migrations(RuntimeService runtime, RepositoryService repository, ManagementService management,
            HistoryService history, ModelDeployments deployments, PlatformTransactionManager transactions,
            ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
        this.runtime = runtime;
        this.repository = repository;
        this.management = management;
        this.history = history;
        this.deployments = deployments;
        this.trial = new TransactionTemplate(transactions);
    }

    public Check dryRun(String processKey, int sourceVersion, Caller caller) {
        ProcessDefinition source = definition(processKey, sourceVersion);
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        if (source.getId().equals(target.getId())) {
            throw new PolicyChangeRejected("sourceVersion", "第 " + sourceVersion + " 版已是最新版本，无需迁移",
                    "version " + sourceVersion + " is already the newest: nothing to migrate");
        }
        MigrationPlan plan = plan(source, target);
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        Set<String> mappedIds = new LinkedHashSet<>();
        List<String> mapped = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            mappedIds.add(i.getSourceActivityId());
            mapped.add(name(sourceModel, i.getSourceActivityId()) + " → " + i.getTargetActivityId());
        }
        List<String> unmapped = sourceModel.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
                .filter(n -> n instanceof Activity || n instanceof IntermediateCatchEvent) // where a case can wait
                .filter(n -> !mappedIds.contains(n.getId()))
                .map(n -> name(sourceModel, n.getId())).toList();
        List<ProcessInstance> instances = deployments.asUser(caller, () -> runtime.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list());
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int from = 0; from < instances.size(); from += CHUNK) {
            List<String> chunk = instances.subList(from, Math.min(instances.size(), from + CHUNK)).stream()
                    .map(ProcessInstance::getId).toList();
            reasons.putAll(tryChunk(plan, chunk, mappedIds, sourceModel, caller));
        }
        List<CaseMove> movable = new ArrayList<>();
        List<CaseMove> blocked = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            String reason = reasons.get(instance.getId());
            (reason == null ? movable : blocked).add(new CaseMove(instance.getId(), instance.getBusinessKey(), reason));
        }
        return new Check(processKey, source.getId(), source.getVersion(), target.getId(), target.getVersion(), mapped,
                unmapped, movable, blocked);
    }

    /**
     * Checks a chunk of cases with the engine's own migration checks ({@link MigrationCheck}), in a transaction that is
     * always rolled back; the cases it would refuse come back with the reasons in words.
     */
    private Map<String, String> tryChunk(MigrationPlan plan, List<String> chunk, Set<String> mappedIds,
            BpmnModelInstance sourceModel, Caller caller) {
        Map<String, String> refused = new LinkedHashMap<>();
        MigrationCheck check = new MigrationCheck((MigrationPlanExecutionBuilderImpl) runtime.newMigration(plan)
                .processInstanceIds(chunk).skipCustomListeners());
        try {
            trial.execute(status -> {
                status.setRollbackOnly();
                return deployments.asUser(caller, () -> engine.getCommandExecutorTxRequired().execute(check));
            });
        } catch (RuntimeException e) {
            chunk.forEach(id -> refused.put(id, Texts.zh("policy.migration.failed", e.getMessage())));
            return refused;
        }
        check.refused().forEach((id, report) -> {
            String unmapped = unmappedActivities(id, mappedIds, sourceModel);
            refused.put(id, unmapped != null ? unmapped : reasons(report, sourceModel));
        });
        return refused;
    }

    /** Starts the batch for the cases the dry run finds movable; returns the dry run with the batch's id. */
    public Map<String, Object> migrate(String processKey, int sourceVersion, String comment, Caller caller) {
        if (comment == null || comment.isBlank()) {
            throw new PolicyChangeRejected("comment", "请写明迁移原因", "give the reason for this migration");
        }
        Check check = dryRun(processKey, sourceVersion, caller);
        if (check.movable().isEmpty()) {
            throw new PolicyChangeRejected("sourceVersion", "没有可以迁移的案件", "no case can be moved");
        }
        MigrationPlan plan = plan(definition(processKey, sourceVersion), repository.getProcessDefinition(check.targetDefinitionId()));
        List<String> ids = check.movable().stream().map(CaseMove::processInstanceId).toList();
        Batch batch = deployments.asUser(caller, () -> runtime.newMigration(plan).processInstanceIds(ids).executeAsync());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("process", processKey);
        details.put("from", check.sourceVersion());
        details.put("to", check.targetVersion());
        details.put("moving", ids.size());
        details.put("staying", check.blocked().stream().map(c -> c.caseNumber() + ": " + c.reason()).toList());
        deployments.audit("MIGRATE", caller.userId(), comment.trim(), null, batch.getId(), details);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("batchId", batch.getId());
        answer.put("check", check);
        return answer;
    }

    public Progress progress(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        if (batch != null) {
            BatchStatistics s = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
            return new Progress(batchId, s.getTotalJobs(), s.getCompletedJobs(), s.getFailedJobs(), s.getRemainingJobs(), false);
        }
        HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
        if (done == null) {
            throw new PolicyChangeRejected("batchId", "没有这个迁移批次：" + batchId, "no such migration batch: " + batchId);
        }
        return new Progress(batchId, done.getTotalJobs(), done.getTotalJobs(), 0, 0, done.getEndTime() != null);
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        try {
            return runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            List<String> reasons = new ArrayList<>();
            e.getValidationReport().getInstructionReports().forEach(r -> reasons.add(r.getMigrationInstruction() + ": " + r.getFailures()));
            throw new PolicyChangeRejected("sourceVersion", "无法生成迁移计划：" + reasons, "no migration plan: " + reasons);
        }
    }

    /** Where the case waits at an element the plan does not map (the engine would refuse it), or null. */
    private String unmappedActivities(String processInstanceId, Set<String> mappedIds, BpmnModelInstance sourceModel) {
        List<String> unmapped = new ArrayList<>();
        java.util.Deque<ActivityInstance> open = new java.util.ArrayDeque<>(List.of(runtime.getActivityInstance(processInstanceId)
                .getChildActivityInstances()));
        while (!open.isEmpty()) {
            ActivityInstance a = open.pop();
            String id = a.getActivityId().replace("#multiInstanceBody", "");
            if (!mappedIds.contains(a.getActivityId()) && !mappedIds.contains(id)) {
                unmapped.add(Texts.zh("policy.migration.unmapped", name(sourceModel, id), ""));
            }
            open.addAll(List.of(a.getChildActivityInstances()));
        }
        return unmapped.isEmpty() ? null : String.join("；", new LinkedHashSet<>(unmapped));
    }

    /** Why the engine would refuse a case, in words. */
    private static String reasons(MigratingProcessInstanceValidationReport report, BpmnModelInstance sourceModel) {
        List<String> reasons = new ArrayList<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport r : report.getActivityInstanceReports()) {
            reasons.add(Texts.zh("policy.migration.unmapped", name(sourceModel, r.getSourceScopeId()),
                    "（" + String.join("; ", r.getFailures()) + "）"));
        }
        for (MigratingTransitionInstanceValidationReport r : report.getTransitionInstanceReports()) {
            reasons.add(Texts.zh("policy.migration.async", name(sourceModel, r.getSourceScopeId()),
                    String.join("; ", r.getFailures())));
        }
        return String.join("；", reasons);
    }

    private ProcessDefinition definition(String processKey, int version) {
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .processDefinitionVersion(version).singleResult();
        if (d == null) {
            throw new PolicyChangeRejected("sourceVersion", "流程 " + processKey + " 没有第 " + version + " 版",
                    "process " + processKey + " has no version " + version);
        }
        return d;
    }

    private static String name(BpmnModelInstance model, String id) {
        FlowElement e = model.getModelElementById(id);
        return e == null || e.getName() == null ? id : e.getName() + "（" + id + "）";
    }
}
