package cn.labordispute.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The triage table (bpmn/triage.dmn), row by row. */
class TriageDecisionTests extends ProcessTestSupport {

    private String firstStage(String procedure, boolean collective, boolean wageArrears) {
        return engine.getDecisionService().evaluateDecisionTableByKey("triage",
                vars("requestedProcedure", procedure, "collective", collective, "wageArrears", wageArrears))
                .getSingleResult().getEntry("firstStage");
    }

    @Test
    void arbitrationRequestedGoesToArbitration() {
        assertThat(firstStage("ARBITRATION", true, true)).isEqualTo("ARBITRATION");
        assertThat(firstStage("ARBITRATION", false, false)).isEqualTo("ARBITRATION");
    }

    @Test
    void collectiveWageArrearsGoStraightToMediation() {
        assertThat(firstStage("NEGOTIATION", true, true)).isEqualTo("MEDIATION");
    }

    @Test
    void negotiationRequestedGoesToNegotiation() {
        assertThat(firstStage("NEGOTIATION", true, false)).isEqualTo("NEGOTIATION");
        assertThat(firstStage("NEGOTIATION", false, true)).isEqualTo("NEGOTIATION");
    }

    @Test
    void everythingElseGoesToMediation() {
        assertThat(firstStage("MEDIATION", false, false)).isEqualTo("MEDIATION");
    }
}
