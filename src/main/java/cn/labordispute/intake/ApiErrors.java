package cn.labordispute.intake;

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

/** Bad input to the staff REST API becomes HTTP 400 naming each bad field, in Chinese and English. */
@RestControllerAdvice
class ApiErrors {

    @ExceptionHandler(InvalidApplicationException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidApplicationException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of("message", "申请信息有误，未保存 / invalid application, nothing was stored", "errors", e.errors()));
    }

    @ExceptionHandler(IntakeRequests.KeyReused.class)
    ResponseEntity<Map<String, Object>> keyReused(IntakeRequests.KeyReused e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(Map.of(
                "message", "这个请求标识已用于另一份申请，本次未保存；新申请请使用新的标识",
                "messageEn", "this Idempotency-Key was used for another application; nothing was stored. Use a new key for a new application",
                "errors", List.of(new FieldError("Idempotency-Key", "已用于另一份申请 / used for another application"))));
    }

    @ExceptionHandler(NotPermittedException.class)
    ResponseEntity<Map<String, Object>> notPermitted(NotPermittedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of(
                "message", "您无权为该组织办理此事 / you may not do this for this organisation",
                "errors", List.of(new FieldError(e.field(), "无权限 / not permitted"))));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "message", "查询参数有误 / invalid query parameter",
                "errors", List.of(new FieldError(e.getName(), "取值无效 / invalid value: " + e.getValue()))));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        String field = "body";
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
        }
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "message", "请求格式有误，未保存 / malformed request, nothing was stored",
                "errors", List.of(new FieldError(field, "格式不正确 / value has the wrong format"))));
    }
}
