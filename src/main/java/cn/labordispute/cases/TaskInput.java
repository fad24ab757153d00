package cn.labordispute.cases;

import cn.labordispute.text.Texts;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Rejects what a person entered in a task's form. The step fails, the transaction rolls back so nothing changes,
 * the engine REST API answers HTTP 400 and the Tasklist shows the message next to the field. The message is
 * {@code key} of the message bundles ({@code task.*} in i18n/messages, Chinese, and messages_en), with
 * {@code args}; the engine carries it as "field: 中文 / English", which {@code TaskConflicts} takes apart again.
 */
public final class TaskInput {

    private TaskInput() {
    }

    public static ProcessEngineException invalid(String field, String key, Object... args) {
        return new FormFieldValidationException(field, field + ": " + Texts.zh(key, args) + " / " + Texts.en(key, args));
    }

    /**
     * Rejects a field with message {@code key}, whose {@code {0}} is the field's name in each language
     * ({@code task.field.<field>}), e.g. 请填写开庭时间 / give the hearing's date and time.
     */
    public static ProcessEngineException invalidNamed(String field, String key) {
        String name = "task.field." + field;
        return new FormFieldValidationException(field, field + ": " + Texts.zh(key, Texts.zh(name)) + " / "
                + Texts.en(key, Texts.en(name)));
    }
}
