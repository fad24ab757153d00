package cn.labordispute.arbitration;

import cn.labordispute.cases.CaseCauses;
import cn.labordispute.security.Organisations;
import java.util.Optional;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class ArbitrationConfiguration {

    /** The minimum-wage table; policy staff edit it (and deploy new versions of it through /policy). */
    @Bean
    MinimumWages minimumWages(@Value("${dispute.arbitration.minimum-wages:classpath:policy/minimum-wages.csv}") Resource table) {
        return new MinimumWages(table);
    }

    /**
     * Named "finalAward" so that the award step calls it; the decision is the newest deployed final_award table, so a
     * change policy staff deploy applies to the next award. Which day's minimum wage applies is a policy setting.
     */
    @Bean("finalAward")
    FinalAwardTest finalAward(CaseCauses causes, MinimumWages wages, Organisations organisations, DecisionService decisions,
            @Value("${dispute.arbitration.final-award-wage-date:AWARD}") FinalAwardTest.WageDate wageDate) {
        return new FinalAwardTest(causes, wages, organisations::find, variables -> {
            DmnDecisionRuleResult rule = decisions.evaluateDecisionTableByKey("final_award").variables(variables)
                    .evaluate().getSingleResult();
            return rule == null ? Optional.<Map<String, Object>>empty() : Optional.of(rule.getEntryMap());
        }, wageDate);
    }
}
