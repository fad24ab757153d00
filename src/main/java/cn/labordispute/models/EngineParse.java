package cn.labordispute.models;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Parses BPMN and DMN with the process engine's own parsers, exactly as a deployment would, without deploying:
 * schema, expressions, engine-specific attributes (e.g. history time to live) and DMN tables.
 */
public class EngineParse {

    private final ProcessEngineConfigurationImpl configuration;
    private final java.util.function.Predicate<String> files;

    public EngineParse(ProcessEngineConfigurationImpl configuration) {
        this(configuration, file -> true);
    }

    /**
     * Parses only the files {@code files} accepts: a change checked against the set in force needs the engine's parse
     * of the files it changes, the others having passed it when they were deployed.
     */
    public EngineParse(ProcessEngineConfigurationImpl configuration, java.util.function.Predicate<String> files) {
        this.configuration = configuration;
        this.files = files;
    }

    public List<Violation> bpmn(String file, byte[] content) {
        if (!files.test(file)) {
            return List.of();
        }
        List<Violation> found = new ArrayList<>();
        configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            DeploymentEntity deployment = new DeploymentEntity();
            deployment.setName("validation");
            BpmnParse parse = parser().createParse()
                    .sourceInputStream(new ByteArrayInputStream(content))
                    .deployment(deployment)
                    .name(file);
            try {
                parse.execute();
            } catch (ParseException e) {
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem problem : report.getErrors()) {
                        found.add(problem(file, problem));
                    }
                }
                if (found.isEmpty()) {
                    found.add(failure(file, e));
                }
            } catch (ProcessEngineException e) {
                found.add(failure(file, e));
            }
            return null;
        });
        return found;
    }

    /** The deployer's own parser (with the engine's parse listeners), or a plain one where there is none. */
    private BpmnParser parser() {
        return configuration.getDeployers().stream().filter(BpmnDeployer.class::isInstance)
                .map(d -> ((BpmnDeployer) d).getBpmnParser()).findFirst()
                .orElseGet(() -> new BpmnParser(configuration.getExpressionManager(), configuration.getBpmnParseFactory()));
    }

    public List<Violation> dmn(String file, byte[] content) {
        if (!files.test(file)) {
            return List.of();
        }
        DmnEngine dmn = configuration.getDmnEngine();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            try {
                dmn.parseDecisionRequirementsGraph(new ByteArrayInputStream(content));
                return List.<Violation>of();
            } catch (RuntimeException e) {
                return List.of(new Violation(file, "", "PARSE", "流程引擎无法解析此决策表：" + e.getMessage(),
                        "the engine cannot parse this decision table: " + e.getMessage()));
            }
        });
    }

    private static Violation problem(String file, Problem problem) {
        String element = problem.getMainElementId() != null ? problem.getMainElementId() : "line " + problem.getLine();
        return new Violation(file, element, "PARSE", "流程引擎解析出错（第 " + problem.getLine() + " 行）：" + problem.getMessage(),
                "the engine cannot parse this (line " + problem.getLine() + "): " + problem.getMessage());
    }

    private static Violation failure(String file, RuntimeException e) {
        return new Violation(file, "", "PARSE", "流程引擎无法解析此模型：" + e.getMessage(),
                "the engine cannot parse this model: " + e.getMessage());
    }
}
