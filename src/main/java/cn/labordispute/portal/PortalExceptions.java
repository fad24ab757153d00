package cn.labordispute.portal;

import cn.labordispute.intake.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/** The portal's refusals: a stale form (403), too many requests (429), an upload too large (413), bad input (400). */
@ControllerAdvice
class PortalExceptions {

    /** A form without the session's CSRF token: an old page or another site's form. */
    static final class CsrfRejected extends RuntimeException {
        CsrfRejected() {
            super("csrf");
        }
    }

    @ExceptionHandler(CsrfRejected.class)
    ModelAndView csrf() {
        return page(HttpStatus.FORBIDDEN, "_csrf", "页面已过期，请返回刷新后再提交 / the page expired: go back, reload and submit again");
    }

    @ExceptionHandler(RateLimits.TooManyRequests.class)
    ModelAndView tooMany() {
        return page(HttpStatus.TOO_MANY_REQUESTS, "rate",
                "操作过于频繁，请一小时后再试 / too many requests: try again in an hour");
    }

    /** Only the JSON endpoint (sending a code) lets a PortalError through; pages catch theirs. */
    @ExceptionHandler(PortalError.class)
    ResponseEntity<Map<String, Object>> badInput(PortalError e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.errors().get(0).message(), "errors", e.errors()));
    }

    /** Above the server's multipart limit; smaller files over the evidence limit get the form's own message. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        String message = "上传的文件太大，单个证据文件不得超过 10 MB / the upload is too large: each evidence file must be at most 10 MB";
        if (!request.getRequestURI().startsWith("/portal")) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("message", message));
        }
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "evidence", message);
    }

    private static ModelAndView page(HttpStatus status, String field, String message) {
        ModelAndView view = new ModelAndView("portal/refused");
        view.setStatus(status);
        view.addObject("errors", List.of(new FieldError(field, message)));
        view.addObject("en", false);
        view.addObject("large", false);
        view.addObject("csrf", "");
        return view;
    }
}
