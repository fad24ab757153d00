package cn.labordispute.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * How late each timer fires (a statutory deadline's escalation, a reminder, the deadline monitor's sweep): when the job
 * executor runs a timer, the time from its due date to now goes to the metric {@code dispute_timer_lateness_seconds}
 * (Prometheus: count, sum, max and the p50 / p95 / p99). Timers run by hand (a test executing a job) are not counted.
 */
@Component
public class TimerLateness extends AbstractProcessEnginePlugin {

    private final Timer lateness;

    TimerLateness(MeterRegistry registry) {
        this.lateness = Timer.builder("dispute.timer.lateness").description("how late timers fire after their due date")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ExecutionListener record = execution -> record();
        EveryUserTask.addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseBoundaryTimerEventDefinition(Element definition, boolean interrupting, ActivityImpl timer) {
                timer.addListener(ExecutionListener.EVENTNAME_START, record);
            }

            @Override
            public void parseIntermediateTimerEventDefinition(Element definition, ActivityImpl timer) {
                timer.addListener(ExecutionListener.EVENTNAME_END, record);
            }

            @Override
            public void parseStartEvent(Element start, ScopeImpl scope, ActivityImpl activity) {
                if (start.element("timerEventDefinition") != null) {
                    activity.addListener(ExecutionListener.EVENTNAME_START, record);
                }
            }
        });
    }

    private void record() {
        JobExecutorContext context = Context.getJobExecutorContext();
        JobEntity job = context == null ? null : context.getCurrentJob();
        if (job != null && job.getDuedate() != null && TimerEntity.TYPE.equals(job.getType())) {
            long late = ClockUtil.getCurrentTime().getTime() - job.getDuedate().getTime();
            lateness.record(Duration.ofMillis(Math.max(0, late)));
        }
    }
}
