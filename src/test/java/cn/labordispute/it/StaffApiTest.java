package cn.labordispute.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The whole system on a random port with an in-memory H2 database, demo users but no demo cases, and no job
 * executor (tests run jobs themselves). Classes with this annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@TestExecutionListeners(listeners = EngineOfThisContext.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
@AutoConfigureObservability(tracing = false) // the Prometheus endpoint, as it runs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:staff-api;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "dispute.demo.enabled=true",
    "dispute.demo.cases=false"})
@interface StaffApiTest {
}
