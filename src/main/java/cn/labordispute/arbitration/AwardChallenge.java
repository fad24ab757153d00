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
                    throw TaskInput.invalid("awardChallenge", "裁决事项均为终局裁决，用人单位不能起诉，只能向中级人民法院申请撤销（《劳动争议调解仲裁法》第四十九条）",
                            "every item is final: the employer cannot sue, only apply to set the award aside");
                }
            }
            case "SET_ASIDE" -> {
                if (!finalItems) {
                    throw TaskInput.invalid("awardChallenge", "裁决没有终局事项，不适用申请撤销；用人单位可以起诉（第五十条）",
                            "no item is final: there is nothing to set aside; the employer may sue");
                }
            }
            default -> throw TaskInput.invalid("awardChallenge", "请选择劳动者起诉、用人单位起诉或用人单位申请撤销",
                    "choose worker suit, employer suit or set-aside");
        }
        execution.setVariable("awardChallenge", who);
    }
}
