package cn.labordispute.calculator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

@Configuration(proxyBeanMethods = false)
class CalculatorConfiguration {

    /** The average-wage table; policy staff add rows through /policy. */
    @Bean
    AverageWages averageWages(@Value("${dispute.calculator.average-wages:classpath:policy/average-wages.csv}") Resource table) {
        return new AverageWages(table);
    }
}
