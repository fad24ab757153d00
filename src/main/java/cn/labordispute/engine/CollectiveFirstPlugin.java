package cn.labordispute.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Collective cases are handled first: every task of a case whose variable {@code collective} is true is created with
 * a higher priority, in every model, so that the Tasklist's 优先级 order and the engine's task queries put it ahead.
 */
@Component
public class CollectiveFirstPlugin extends AbstractProcessEnginePlugin {

    /** The priority of a collective case's tasks; the others keep Camunda's normal priority (50). */
    public static final int COLLECTIVE_PRIORITY = Task.PRIORITY_NORMAL + 25;

    private static final TaskListener RAISE = (DelegateTask task) -> {
        if (Boolean.TRUE.equals(task.getVariable("collective")) && task.getPriority() < COLLECTIVE_PRIORITY) {
            task.setPriority(COLLECTIVE_PRIORITY);
        }
    };

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.configure(configuration,
                definition -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, RAISE));
    }
}
