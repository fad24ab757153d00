package cn.labordispute.cases;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Rejects what a person entered in a task's form. The step fails, the transaction rolls back so nothing changes,
 * the engine REST API answers HTTP 400 and the Tasklist shows the message, which names the field in Chinese and
 * English.
 */
public final class TaskInput {

    private TaskInput() {
    }

    public static ProcessEngineException invalid(String field, String chinese, String english) {
        return new FormFieldValidationException(field, field + ": " + chinese + " / " + english);
    }
}
