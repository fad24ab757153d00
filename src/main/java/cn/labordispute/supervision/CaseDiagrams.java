package cn.labordispute.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/** Where a case stands: each of its running processes, its model and the activities it is waiting in. */
@Service
public class CaseDiagrams {

    /** One running process of the case, drawn with its current activities marked. */
    public record Diagram(String processName, String processKey, String xml, List<String> activeActivityIds) {
    }

    private final RuntimeService runtime;
    private final RepositoryService repository;

    CaseDiagrams(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    List<Diagram> forCase(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).active().list().stream()
                .map(this::diagram)
                .sorted(Comparator.comparingInt(CaseDiagrams::order))
                .toList();
    }

    /** The main process first, then the stage it is in, then whatever runs beside it (legal aid, escalations). */
    private static int order(Diagram d) {
        return switch (d.processKey()) {
            case "labor_dispute_case" -> 0;
            case "legal_aid", "deadline_escalation" -> 2;
            default -> 1;
        };
    }

    private Diagram diagram(ProcessInstance instance) {
        ProcessDefinition definition = repository.getProcessDefinition(instance.getProcessDefinitionId());
        try (InputStream xml = repository.getProcessModel(definition.getId())) {
            return new Diagram(definition.getName(), definition.getKey(), new String(xml.readAllBytes(), StandardCharsets.UTF_8),
                    runtime.getActiveActivityIds(instance.getId()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
