package cn.labordispute.it;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Camunda's engine REST API finds "the default engine" in a static registry, and every Spring test context of the
 * run builds an engine of that name, the newest replacing the others there. Before each test this puts the engine of
 * the test's own context back, so that /engine-rest talks to the database the test's context uses.
 */
public class EngineOfThisContext implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext context) {
        ProcessEngines.registerProcessEngine(context.getApplicationContext().getBean(ProcessEngine.class));
    }
}
