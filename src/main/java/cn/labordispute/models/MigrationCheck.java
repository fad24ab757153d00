package cn.labordispute.models;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.migration.instance.MigratingProcessInstance;
import org.camunda.bpm.engine.impl.migration.instance.parser.MigratingInstanceParser;
import org.camunda.bpm.engine.impl.migration.validation.instance.MigratingProcessInstanceValidationReportImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;

/**
 * The engine's own migration command, stopped after its checks: for each case it matches the plan's instructions to
 * the case's activity instances and runs the engine's instance validators, exactly as a migration would, and keeps
 * the report of each case that would be refused instead of migrating anything. Authorisation is checked as for a
 * migration. Run it in a transaction that is rolled back: it changes nothing, and so it leaves nothing to undo.
 */
final class MigrationCheck extends MigrateProcessInstanceCmd {

    private final Map<String, MigratingProcessInstanceValidationReport> refused = new LinkedHashMap<>();

    MigrationCheck(MigrationPlanExecutionBuilderImpl cases) {
        super(cases, false);
    }

    /** The cases the engine would refuse, with its reasons. */
    Map<String, MigratingProcessInstanceValidationReport> refused() {
        return refused;
    }

    @Override
    public Void migrateProcessInstance(CommandContext commandContext, String processInstanceId, MigrationPlan migrationPlan,
            ProcessDefinitionEntity targetProcessDefinition, boolean skipJavaSerializationFormatCheck) {
        ExecutionEntity processInstance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
        ensureProcessInstanceExist(processInstanceId, processInstance);
        ensureSameProcessDefinition(processInstance, migrationPlan.getSourceProcessDefinitionId());
        MigratingProcessInstanceValidationReportImpl report = new MigratingProcessInstanceValidationReportImpl();
        MigratingProcessInstance migrating = new MigratingInstanceParser(commandContext.getProcessEngineConfiguration()
                .getProcessEngine()).parse(processInstance.getId(), migrationPlan, report);
        validateInstructions(commandContext, migrating, report);
        if (report.hasFailures()) {
            refused.put(processInstanceId, report);
        }
        return null;
    }
}
