package cn.labordispute.arbitration;

import cn.labordispute.cases.TaskInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Who may take an award to court, checked after the court liaison records it (LDMAL arts.48–50): the worker may sue
 * against any award; the employer may sue only against non-final items, and may only apply to the intermediate court
 * to set final items aside. The items' finality comes from the 终局裁决判定 step ({@code finalAwardItems},
 * {@code nonFinalAwardItems}). A choice the award does not allow is refused naming {@code awardChallenge}; a suit
 * recorded without saying who is the worker's.
 */
@Component("awardChallengeCheck")
public class AwardChallenge implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("partySued"))) {
            return;
        }
        Object challenge = execution.getVariable("awardChallenge");
        String who = challenge == null || challenge.toString().isBlank() ? "WORKER_SUIT" : challenge.toString();
        boolean finalItems = Boolean.TRUE.equals(execution.getVariable("finalAwardItems"));
        boolean nonFinalItems = Boolean.TRUE.equals(execution.getVariable("nonFinalAwardItems"));
        switch (who) {
            case "WORKER_SUIT" -> { }
            case "EMPLOYER_SUIT" -> {
                if (!nonFinalItems) {
                    throw TaskInput.invalid("awardChallenge", "task.challenge.allFinal");
                }
            }
            case "SET_ASIDE" -> {
                if (!finalItems) {
                    throw TaskInput.invalid("awardChallenge", "task.challenge.noneFinal");
                }
            }
            default -> throw TaskInput.invalid("awardChallenge", "task.challenge.choose");
        }
        execution.setVariable("awardChallenge", who);
    }
}
