package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad input to the staff REST API becomes HTTP 4xx naming each bad field: {@code message} in Chinese,
 * {@code messageEn} in English, and the fields' errors with both.
 */
@RestControllerAdvice
class ApiErrors {

    /** The answer's body: the message of {@code key} in both languages and the fields' errors. */
    static Map<String, Object> answer(String key, List<FieldError> errors) {
        return Map.of("message", Texts.zh(key), "messageEn", Texts.en(key), "errors", errors);
    }

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidApplicationException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(answer("intake.invalid", e.errors()));
    }

    @ExceptionHandler(IntakeRequests.KeyReused.class)
    ResponseEntity<Map<String, Object>> keyReused(IntakeRequests.KeyReused e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(answer("intake.key.reused",
                List.of(FieldError.of("Idempotency-Key", "intake.key.reused.field"))));
    }

    @ExceptionHandler(NotPermittedException.class)
    ResponseEntity<Map<String, Object>> notPermitted(NotPermittedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(answer("api.notPermitted",
                List.of(FieldError.of(e.field(), "api.notPermitted.field"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(answer("api.badParameter",
                List.of(FieldError.of(e.getName(), "api.badParameter.field", String.valueOf(e.getValue())))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(answer("api.unreadable",
                List.of(FieldError.of(field, "api.unreadable.field"))));
    }
}
