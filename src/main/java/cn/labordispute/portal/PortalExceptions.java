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
    Object csrf(HttpServletRequest request) {
        return refuse(request, HttpStatus.FORBIDDEN, "_csrf",
                "页面已过期，请返回刷新后再提交 / the page expired: go back, reload and submit again");
    }

    @ExceptionHandler(RateLimits.TooManyRequests.class)
    Object tooMany(HttpServletRequest request) {
        return refuse(request, HttpStatus.TOO_MANY_REQUESTS, "rate",
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
        return refuse(request, HttpStatus.PAYLOAD_TOO_LARGE, "evidence",
                "上传的文件太大，单个证据文件不得超过 10 MB / the upload is too large: each evidence file must be at most 10 MB");
    }

    /** A page for a person at a portal page; JSON for the code endpoint's script and for API clients. */
    private static Object refuse(HttpServletRequest request, HttpStatus status, String field, String message) {
        String path = request.getRequestURI();
        if (!path.startsWith("/portal") || path.equals("/portal/codes")) {
            return ResponseEntity.status(status).body(Map.of("message", message,
                    "errors", List.of(new FieldError(field, message))));
        }
        return page(status, field, message);
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
