package cn.labordispute.cases;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Rejects what a person entered in a task's form. The step fails, the transaction rolls back so nothing changes,
 * the engine REST API answers HTTP 400 and the Tasklist shows the message next to the field. The message is
 * {@code key} of the message bundles ({@code task.*} in i18n/messages, Chinese, and messages_en), with
 * {@code args}. The engine's exception carries the field and the Chinese sentence; the refusal in both languages is
 * also kept on the current request ({@link FieldError#REFUSED}), where {@code TaskConflicts} finds the English for
 * the API's answer.
 */
public final class TaskInput {

    private TaskInput() {
    }

    public static ProcessEngineException invalid(String field, String key, Object... args) {
        return refused(FieldError.of(field, key, args));
    }

    /**
     * Rejects a field with message {@code key}, whose {@code {0}} is the field's name in each language
     * ({@code task.field.<field>}), e.g. 请填写开庭时间 / give the hearing's date and time.
     */
    public static ProcessEngineException invalidNamed(String field, String key) {
        String name = "task.field." + field;
        return refused(new FieldError(field, Texts.zh(key, Texts.zh(name)), Texts.en(key, Texts.en(name))));
    }

    private static ProcessEngineException refused(FieldError error) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) { // the refusal that ends the request is the last one made in it
            request.setAttribute(FieldError.REFUSED, error, RequestAttributes.SCOPE_REQUEST);
        }
        return new FormFieldValidationException(error.field(), error.field() + ": " + error.message());
    }
}
