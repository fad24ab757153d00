package cn.labordispute.models;

import cn.labordispute.text.Texts;
import cn.labordispute.deadlines.StatutoryPeriods;
import cn.labordispute.security.Roles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.io.FileSystemResource;

/**
 * The model check from the command line, with the same rules as the build and the deploy endpoint:
 * <pre>mvn -q compile exec:java -Dexec.mainClass=cn.labordispute.models.ModelCheck</pre>
 * checks bpmn/ and forms/ of the project folder against the periods table in src/main/resources/policy/ and exits
 * with status 1 if a rule is broken. Arguments (optional): the project folder.
 */
public final class ModelCheck {

    private ModelCheck() {
    }

    public static void main(String[] args) {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        List<Violation> violations = check(project);
        violations.forEach(v -> System.out.println(v.message()));
        System.out.println(violations.isEmpty() ? Texts.zh("policy.check.pass") : Texts.zh("policy.violations", violations.size()));
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    /** Checks a project folder's bpmn/ and forms/ with an in-memory engine for the engine's own parse. */
    public static List<Violation> check(Path project) {
        return check(ModelFiles.fromFolders(project.resolve("bpmn"), project.resolve("forms")), project);
    }

    /** Checks a set of files against the periods table of a project folder. */
    public static List<Violation> check(ModelFiles files, Path project) {
        Path periods = project.resolve("src/main/resources/policy/statutory-periods.csv");
        if (!Files.exists(periods)) {
            throw new IllegalArgumentException("no periods table at " + periods);
        }
        ProcessEngine engine = inMemoryEngine();
        try {
            ModelValidator validator = new ModelValidator(new ModelValidator.Context(
                    new StatutoryPeriods(new FileSystemResource(periods), Map.of()), Roles.SYSTEM_GROUPS::contains, Set.of(),
                    new EngineParse((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())));
            return validator.validate(files);
        } finally {
            engine.close();
        }
    }

    /** A throw-away engine that only parses: no job executor, an in-memory database of its own. */
    public static ProcessEngine inMemoryEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:model-check-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setCmmnEnabled(false);
        configuration.setMetricsEnabled(false);
        return configuration.buildProcessEngine();
    }
}
