package cn.labordispute.deadlines;

import cn.labordispute.calendar.WorkingDayCalendar;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DeadlinesConfiguration {

    @Bean
    WorkingDayCalendar workingDayCalendar(DeadlinesProperties properties) {
        return new WorkingDayCalendar(properties.holidays());
    }

    @Bean
    StatutoryPeriods statutoryPeriods(DeadlinesProperties properties) {
        return new StatutoryPeriods(properties.periods(), properties.lengths());
    }

    @Bean
    WatchTaskDeadline watchTaskDeadline(DeadlineRecords records, Deadlines deadlines,
            org.springframework.beans.factory.ObjectProvider<cn.labordispute.security.StaffNames> names) {
        return new WatchTaskDeadline(records, deadlines, names);
    }

    /** Named "deadlines" so that BPMN expressions can call it. */
    @Bean
    Deadlines deadlines(StatutoryPeriods periods, WorkingDayCalendar calendar, DeadlinesProperties properties) {
        return new Deadlines(new DeadlineCalculator(periods, calendar), properties.warningWorkingDays());
    }
}
