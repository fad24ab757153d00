package cn.labordispute.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** The amount ceilings; policy staff edit them (and deploy new versions through /policy). */
    @Bean
    AmountLimits amountLimits(@Value("${dispute.intake.amount-limits:classpath:policy/amount-limits.csv}") Resource table) {
        return new AmountLimits(table);
    }
}
