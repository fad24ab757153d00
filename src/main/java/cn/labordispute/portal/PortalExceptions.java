package cn.labordispute.portal;

import cn.labordispute.text.FieldError;
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
        return refuse(request, HttpStatus.FORBIDDEN, "_csrf", "portal.expired");
    }

    @ExceptionHandler(RateLimits.TooManyRequests.class)
    Object tooMany(HttpServletRequest request) {
        return refuse(request, HttpStatus.TOO_MANY_REQUESTS, "rate", "portal.tooMany");
    }

    /** Only the JSON endpoint (sending a code) lets a PortalError through; pages catch theirs. */
    @ExceptionHandler(PortalError.class)
    ResponseEntity<Map<String, Object>> badInput(PortalError e) {
        return ResponseEntity.badRequest().body(Map.of("message", e.errors().get(0).message(),
                "messageEn", e.errors().get(0).messageEn(), "errors", e.errors()));
    }

    /** Above the server's multipart limit; smaller files over the evidence limit get the form's own message. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return refuse(request, HttpStatus.PAYLOAD_TOO_LARGE, "evidence", "portal.tooLarge");
    }

    /** A page for a person at a portal page; JSON for the code endpoint's script and for API clients. */
    private static Object refuse(HttpServletRequest request, HttpStatus status, String field, String key) {
        String path = request.getRequestURI();
        FieldError error = FieldError.of(field, key);
        if (!path.startsWith("/portal") || path.equals("/portal/codes")) {
            return ResponseEntity.status(status).body(Map.of("message", error.message(), "messageEn", error.messageEn(),
                    "errors", List.of(error)));
        }
        return page(status, error);
    }

    private static ModelAndView page(HttpStatus status, FieldError error) {
        ModelAndView view = new ModelAndView("portal/refused");
        view.setStatus(status);
        view.addObject("errors", List.of(error));
        view.addObject("en", false);
        view.addObject("large", false);
        view.addObject("csrf", "");
        return view;
    }
}
