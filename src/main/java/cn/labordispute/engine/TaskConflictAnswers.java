package cn.labordispute.engine;

import cn.labordispute.engine.TaskConflicts.Conflict;
import cn.labordispute.engine.TaskConflicts.TaskConflictException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The application's own endpoints answer a conflict on a step ({@link TaskConflicts}, or the engine's own refusal
 * when two people raced) with {@code 409}: JSON for API clients, the page in words for people.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaskConflictAnswers {

    @ExceptionHandler(TaskConflictException.class)
    Object conflict(TaskConflictException e, HttpServletRequest request) {
        return answer(e.conflict(), request);
    }

    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class})
    Object raced(RuntimeException e, HttpServletRequest request) {
        return answer(TaskConflicts.CONCURRENT, request);
    }

    private static Object answer(Conflict conflict, HttpServletRequest request) {
        if (request.getRequestURI().startsWith("/api/")) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Map.of("message", conflict.message(), "messageEn", conflict.messageEn()));
        }
        ModelAndView page = new ModelAndView("pages/denied", HttpStatus.CONFLICT);
        page.addObject("conflict", conflict.message());
        return page;
    }
}
