package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.Deadlines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a model may not run, each refusal naming the element; the repository's own models pass. */
class ModelSafetyTests {

    private final ModelSafety safety = new ModelSafety(Map.of("deadlines", Deadlines.class));

    private List<Violation> task(String attribute) {
        String bpmn = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
                  <process id="p" isExecutable="true"><serviceTask id="Task_X" %s /></process>
                </definitions>""".formatted(attribute);
        return safety.check("p.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesReflectionInAnyForm() {
        assertThat(task("camunda:expression=\"${execution.getClass().forName('java.lang.System')}\""))
                .extracting(Violation::element).containsOnly("Task_X");
        assertThat(task("camunda:expression=\"${'x'.class}\"")).isNotEmpty();
        assertThat(task("camunda:expression=\"${execution['cl'.concat('ass')]}\"")).isNotEmpty();
        assertThat(task("camunda:expression=\"${execution.processEngineServices.runtimeService}\"")).isNotEmpty();
        assertThat(task("camunda:expression=\"${execution.getVariable('x').getClass()}\"")).isNotEmpty();
        assertThat(task("camunda:expression=\"${someVariable.delete()}\"")).isNotEmpty();
    }

    @Test
    void refusesComponentsThatAreNotRegisteredAndMethodsTheyDoNotHave() {
        assertThat(task("camunda:expression=\"${jdbcClient.sql('DELETE FROM dc_case')}\""))
                .extracting(Violation::zh).anyMatch(m -> m.contains("jdbcClient 不是登记的组件"));
        assertThat(task("camunda:expression=\"${deadlines.noSuchMethod()}\""))
                .extracting(Violation::zh).anyMatch(m -> m.contains("没有公开方法 noSuchMethod"));
        assertThat(task("camunda:expression=\"${deadlines.hashCode()}\"")).isNotEmpty();
    }

    @Test
    void refusesScriptsConnectorsAndForeignClasses() {
        assertThat(task("camunda:class=\"java.lang.ProcessBuilder\"")).extracting(Violation::rule).containsOnly("CODE");
        String script = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"><process id="p">
                <scriptTask id="Task_Script" scriptFormat="javascript"><script>java.lang.Runtime.getRuntime()</script></scriptTask>
                <sequenceFlow id="Flow_X" sourceRef="a" targetRef="b"><conditionExpression language="groovy">true</conditionExpression></sequenceFlow>
                </process></definitions>""";
        assertThat(safety.check("s.bpmn", script.getBytes(StandardCharsets.UTF_8))).extracting(Violation::element)
                .contains("Task_Script", "Flow_X");
        String feel = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"><decision id="Decision_X">
                <literalExpression><text>function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}}</text></literalExpression>
                </decision></definitions>""";
        assertThat(safety.check("d.dmn", feel.getBytes(StandardCharsets.UTF_8))).extracting(Violation::element)
                .contains("Decision_X");
        assertThat(safety.check("run.js", new byte[0])).isNotEmpty();
    }

    @Test
    void allowsWhatTheModelsDo() {
        assertThat(task("camunda:expression=\"${execution.setVariable('x', deadlines.today())}\"")).isEmpty();
        assertThat(task("camunda:dueDate=\"${deadlines.due('MEDIATION_ACCEPTANCE', execution.getVariable('a') != null ? a : b)}\""))
                .isEmpty();
        assertThat(task("camunda:expression=\"${riskGrade.level == 'MAJOR' &amp;&amp; task.assignee != null}\"")).isEmpty();
    }

    @Test
    void theRepositoryModelsPass() throws IOException {
        ModelSafety registered = new ModelSafety();
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("bpmn")), Files.list(Path.of("forms")))) {
            for (Path f : files.toList()) {
                assertThat(registered.check(f.getFileName().toString(), Files.readAllBytes(f))).as(f.toString()).isEmpty();
            }
        }
    }
}
