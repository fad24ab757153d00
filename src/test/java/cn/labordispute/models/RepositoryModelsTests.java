package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build's gate: `mvn verify` fails when a model in bpmn/ or a form in forms/ breaks a rule. */
class RepositoryModelsTests {

    @Test
    void theRepositorysModelsAndFormsPassEveryRule() {
        List<Violation> violations = ModelCheck.check(Path.of("."));
        assertThat(violations).as("rule violations in bpmn/ and forms/").isEmpty();
    }
}
