package cn.labordispute.models;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.process.RoundTrip;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import javax.xml.namespace.QName;
import org.xmlunit.diff.Comparison;
import org.xmlunit.diff.ComparisonResult;
import org.xmlunit.diff.ComparisonType;
import org.xmlunit.diff.Diff;
import org.xmlunit.diff.DifferenceEvaluators;

/**
 * The build's gate: `mvn verify` fails when a model in bpmn/ or a form in forms/ breaks a rule. And the Modeler round
 * trip: every model written back by the Camunda model API says the same thing and still passes (the process tests
 * run again on the written-back models in the build's second Surefire run).
 */
class RepositoryModelsTests {

    /** Attributes the model API writes out with their schema default value; leaving them out means the same. */
    private static final Map<String, String> SCHEMA_DEFAULTS = Map.ofEntries(
            Map.entry("expressionLanguage", "http://www.w3.org/1999/XPath https://www.omg.org/spec/DMN/20191111/FEEL/"),
            Map.entry("typeLanguage", "http://www.w3.org/2001/XMLSchema https://www.omg.org/spec/DMN/20191111/FEEL/"),
            Map.entry("isClosed", "false"), Map.entry("processType", "None"), Map.entry("textFormat", "text/plain"),
            Map.entry("isInterrupting", "true"), Map.entry("parallelMultiple", "false"), Map.entry("cancelActivity", "true"),
            Map.entry("completionQuantity", "1"), Map.entry("startQuantity", "1"), Map.entry("isForCompensation", "false"),
            Map.entry("gatewayDirection", "Unspecified"), Map.entry("isImmediate", "false"), Map.entry("isSequential", "false"),
            Map.entry("behavior", "All"), Map.entry("instantiate", "false"), Map.entry("eventGatewayType", "Exclusive"),
            Map.entry("implementation", "##WebService ##unspecified"), Map.entry("triggeredByEvent", "false"),
            Map.entry("hitPolicy", "UNIQUE"), Map.entry("aggregation", "SUM"), Map.entry("isCollection", "false"),
            Map.entry("preferredOrientation", "Rule-as-Row"), Map.entry("isCollapsed", "false"));

    private static ComparisonResult schemaDefaultsAreTheSame(Comparison comparison, ComparisonResult outcome) {
        if (outcome == ComparisonResult.EQUAL) {
            return outcome;
        }
        if (comparison.getType() == ComparisonType.ELEMENT_NUM_ATTRIBUTES) {
            return ComparisonResult.SIMILAR; // each attribute is compared on its own below
        }
        if (comparison.getType() == ComparisonType.ATTR_NAME_LOOKUP && comparison.getTestDetails().getValue() instanceof QName added
                && comparison.getControlDetails().getValue() == null) {
            org.w3c.dom.Element element = (org.w3c.dom.Element) comparison.getTestDetails().getTarget();
            String value = element.getAttributeNS(added.getNamespaceURI().isEmpty() ? null : added.getNamespaceURI(), added.getLocalPart());
            String defaults = SCHEMA_DEFAULTS.get(added.getLocalPart());
            if (defaults != null && List.of(defaults.split(" ")).contains(value)) {
                return ComparisonResult.SIMILAR;
            }
        }
        return outcome;
    }

    @Test
    void theRepositorysModelsAndFormsPassEveryRule() {
        List<Violation> violations = ModelCheck.check(Path.of("."));
        assertThat(violations).as("rule violations in bpmn/ and forms/").isEmpty();
    }

    @Test
    void modelsWrittenBackByTheModelApiMeanTheSameAndStillPass() throws IOException {
        ModelFiles repo = ModelFiles.fromFolders(Path.of("bpmn"), Path.of("forms"));
        Map<String, byte[]> written = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : repo.all().entrySet()) {
            byte[] back = RoundTrip.of(e.getKey(), new ByteArrayInputStream(e.getValue())).readAllBytes();
            if (!e.getKey().endsWith(ModelFiles.FORM)) {
                Diff diff = DiffBuilder.compare(e.getValue()).withTest(back).ignoreWhitespace().ignoreComments()
                        .normalizeWhitespace().withDifferenceEvaluator(DifferenceEvaluators.chain(
                                DifferenceEvaluators.Default, RepositoryModelsTests::schemaDefaultsAreTheSame))
                        .checkForSimilar().build();
                List<String> differences = new java.util.ArrayList<>();
                diff.getDifferences().forEach(d -> differences.add(d.getComparison().toString()));
                assertThat(differences).as(e.getKey()).isEmpty();
            }
            written.put(e.getKey(), back);
        }
        assertThat(ModelCheck.check(new ModelFiles(written), Path.of("."))).isEmpty();
    }
}
