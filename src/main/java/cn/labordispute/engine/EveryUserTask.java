package cn.labordispute.engine;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Gives the engine's plugins a hook on the definition of every user task of every deployed model. */
final class EveryUserTask {

    private EveryUserTask() {
    }

    static void configure(ProcessEngineConfigurationImpl configuration, Consumer<TaskDefinition> change) {
        addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                change.accept(((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition());
            }
        });
    }

    /** Adds a listener that sees every deployed model after the engine's own parsing. */
    static void addParseListener(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
