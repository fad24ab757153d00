package cn.labordispute.it;

import static org.assertj.core.api.Assertions.assertThat;

import cn.labordispute.deadlines.Deadlines;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/** A period's length changed in configuration changes the due dates of new cases, with no code or model change. */
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:period-override;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "dispute.demo.enabled=false",
    "dispute.deadlines.lengths.MEDIATION_ACCEPTANCE=5"})
class PeriodConfigurationIntegrationTests {

    @Autowired
    IntakeService intake;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void configuredLengthGivesNewCasesTheLongerAcceptancePeriod() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 9, 24, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        String caseNumber = intake.open(new CaseApplication("jishou", "MEDIATION", "拖欠工资", null,
                List.of(new CaseApplication.Worker("彭丽", "RESIDENT_ID", "433101198001016786", null, null, true)),
                new CaseApplication.Employer("吉首湘西大酒店有限公司", "91433101MA4PABCD2F", null, null),
                List.of(new CaseApplication.ClaimItem("PAY_ARREARS", null, new BigDecimal("5600.00")))));

        Date due = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult().getDueDate();
        // 5 working days from Thu 24 Sep 2026: 28, 29, 30 Sep, then 8 and 9 Oct after 国庆 (the table says 3: 30 Sep)
        assertThat(Deadlines.toLocalDate(due)).isEqualTo(LocalDate.of(2026, 10, 9));
    }
}
