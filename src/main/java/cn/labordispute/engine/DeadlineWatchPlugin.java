package cn.labordispute.engine;

import cn.labordispute.deadlines.WatchTaskDeadline;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

import java.util.List;

/** Puts the deadline watch on every user task of every deployed model, so that no model has to remember it. */
@Component
public class DeadlineWatchPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
            TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final WatchTaskDeadline watch;

    DeadlineWatchPlugin(WatchTaskDeadline watch) {
        this.watch = watch;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.configure(configuration,
                definition -> EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, watch)));
    }
}
