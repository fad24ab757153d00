package cn.labordispute.deadlines;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * {@code dispute.deadlines.*}: where the periods table and the holiday calendar are read from, and lengths that
 * configuration overrides (e.g. {@code dispute.deadlines.lengths.FOLLOW_UP_VISIT=20}) without editing the table, and
 * how many working days before a deadline its warning comes ({@code warning-working-days}, default 2).
 */
@ConfigurationProperties("dispute.deadlines")
public record DeadlinesProperties(Resource periods, Resource holidays, Map<String, Integer> lengths,
        Integer warningWorkingDays) {

    public DeadlinesProperties {
        lengths = lengths == null ? Map.of() : Map.copyOf(lengths);
        warningWorkingDays = warningWorkingDays == null ? 2 : warningWorkingDays;
    }
}
