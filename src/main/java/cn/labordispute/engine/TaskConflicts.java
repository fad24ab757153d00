package cn.labordispute.engine;

import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import cn.labordispute.calendar.WorkingDayCalendar;
import cn.labordispute.security.Caller;
import cn.labordispute.security.StaffDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people working on one step: the second is told what happened, as a conflict ({@code 409}) in words, not as an
 * engine error. A claim of a step someone else holds names the holder; a completion (or any change) of a step that is
 * gone says when and by whom it was done. The rule that only the holder (or a supervisor) may finish or give back a
 * claimed step stays the engine's ({@link TaskWorkPlugin}, {@code 403}).
 * <p>One rule for every way in: the engine REST API, the Tasklist (whose calls are the same REST resources under
 * {@code /camunda/api/engine}) and the application's own steps ({@link #check}). The REST calls are checked before the
 * engine runs; where two calls race past that check, the engine's failure is answered from the task's state after
 * it.
 */
@Component
public class TaskConflicts {

    private static final Pattern TASK_COMMAND = Pattern.compile(
            "^/(?:engine-rest|camunda/api/engine/engine/[^/]+)/task/([^/]+)/"
                    + "(claim|unclaim|complete|submit-form|resolve|assignee|delegate)$");
    /** A form's refusal as the engine REST API words it: the task's id, the field's key, the sentence. */
    private static final Pattern FORM_REFUSAL = Pattern.compile(
            "(?s)Cannot (?:submit task form|complete task) \\S+: (?:([A-Za-z_][A-Za-z0-9_.\\[\\]]*): )?(.+)");
    /** The engine's words when an expression of the step reads a variable that was not submitted. */
    private static final Pattern MISSING_ANSWER = Pattern.compile("Cannot resolve identifier '([A-Za-z_][A-Za-z0-9_]*)'");

    /** Why a step cannot be acted on: the message a person reads and the one an API client reads. */
    public record Conflict(String message, String messageEn) {

        /** Message {@code key} of the bundles ({@code task.conflict.*}), in both languages. */
        static Conflict of(String key, Object... args) {
            return new Conflict(Texts.zh(key, args), Texts.en(key, args));
        }
    }

    /** A form the step refused: the sentence, and the key of the field it is about (or null). */
    record Refusal(String field, Conflict conflict) {
    }

    /** A step that another person holds or that is done; the application's endpoints answer it {@code 409}. */
    public static class TaskConflictException extends RuntimeException {
        private final Conflict conflict;

        public TaskConflictException(Conflict conflict) {
            super(conflict.messageEn());
            this.conflict = conflict;
        }

        public Conflict conflict() {
            return conflict;
        }
    }

    private record Running(String assignee, String tenant) {
    }

    private record Finished(String assignee, Timestamp end, String deleteReason, String tenant) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory staff;

    TaskConflicts(JdbcClient jdbc, StaffDirectory staff) {
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /**
     * The conflict in acting on a step now, if any. {@code claiming}: taking it (a step held by another person
     * conflicts); otherwise finishing or changing it (a step that is gone conflicts). A step of an organisation the
     * person does not work for is none of their business: no conflict is reported, the engine refuses it.
     */
    public Optional<Conflict> find(String taskId, boolean claiming, String userId, Set<String> organisations) {
        return verdict(taskId, claiming, userId, organisations).filter(v -> v.status() == HttpServletResponse.SC_CONFLICT)
                .map(Verdict::conflict);
    }

    /** What to answer before the engine runs: a conflict (409), no such step (404), or nothing (the engine decides). */
    record Verdict(int status, Conflict conflict) {
    }

    /** Reads the step once, running or in history, and decides. */
    Optional<Verdict> verdict(String taskId, boolean claiming, String userId, Set<String> organisations) {
        Optional<Running> running = jdbc.sql("SELECT ASSIGNEE_, TENANT_ID_ FROM ACT_RU_TASK WHERE ID_ = ?")
                .param(taskId).query((rs, n) -> new Running(rs.getString(1), rs.getString(2))).optional();
        if (running.isPresent()) {
            String holder = running.get().assignee();
            if (claiming && holder != null && !holder.equals(userId) && visible(running.get().tenant(), organisations)) {
                String name = staff.displayName(holder);
                return Optional.of(new Verdict(HttpServletResponse.SC_CONFLICT, Conflict.of("task.conflict.claimed", name)));
            }
            return Optional.empty();
        }
        Optional<Finished> finished = jdbc.sql(
                        "SELECT ASSIGNEE_, END_TIME_, DELETE_REASON_, TENANT_ID_ FROM ACT_HI_TASKINST WHERE ID_ = ?")
                .param(taskId)
                .query((rs, n) -> new Finished(rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (finished.isEmpty()) {
            return Optional.of(new Verdict(HttpServletResponse.SC_NOT_FOUND, NO_SUCH_TASK));
        }
        return finished.filter(f -> f.end() != null && visible(f.tenant(), organisations))
                .map(f -> new Verdict(HttpServletResponse.SC_CONFLICT, gone(f)));
    }

    private Conflict gone(Finished f) {
        java.time.LocalDateTime when = java.time.LocalDateTime.ofInstant(f.end().toInstant(),
                cn.labordispute.calendar.WorkingDayCalendar.ZONE);
        if (f.deleteReason() != null && !"completed".equals(f.deleteReason())) {
            return Conflict.of("task.conflict.withdrawn", when);
        }
        return f.assignee() == null ? Conflict.of("task.conflict.done", when)
                : Conflict.of("task.conflict.doneBy", when, staff.displayName(f.assignee()));
    }

    /** For the application's own steps: throws the conflict, if there is one, before anything is changed. */
    public void check(String taskId, boolean claiming, Caller caller) {
        find(taskId, claiming, caller.userId(), caller.visibleOrganisations()).ifPresent(c -> {
            throw new TaskConflictException(c);
        });
    }

    private static boolean visible(String tenant, Set<String> organisations) {
        return organisations == null || tenant == null || organisations.contains(tenant);
    }

    static final Conflict CONCURRENT = Conflict.of("task.conflict.concurrent");

    static final Conflict NO_SUCH_TASK = Conflict.of("task.conflict.noSuchTask");

    /** The REST calls that act on a step, checked before and answered after the engine. */
    static class Filter extends OncePerRequestFilter {

        private final TaskConflicts conflicts;
        private final ObjectMapper json;

        Filter(TaskConflicts conflicts, ObjectMapper json) {
            this.conflicts = conflicts;
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Matcher m = TASK_COMMAND.matcher(request.getRequestURI().substring(request.getContextPath().length()));
            Optional<Caller> caller = Caller.current();
            if (!m.matches() || caller.isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            String taskId = m.group(1);
            boolean claiming = "claim".equals(m.group(2));
            Optional<Verdict> before = conflicts.verdict(taskId, claiming, caller.get().userId(),
                    caller.get().visibleOrganisations());
            if (before.isPresent()) {
                write(response, before.get().status(),
                        before.get().status() == HttpServletResponse.SC_NOT_FOUND ? "TaskNotFound" : "TaskConflict",
                        before.get().conflict());
                return;
            }
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                Optional<Refusal> refused = formRefusal(new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8), request);
                if (refused.isPresent()) {
                    answer.resetBuffer();
                    write(answer, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest", refused.get().conflict(),
                            refused.get().field());
                }
            } else if (answer.getStatus() >= 500) {
                Optional<Conflict> after = conflicts.find(taskId, claiming, caller.get().userId(),
                        caller.get().visibleOrganisations());
                String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
                if (after.isEmpty() && (body.contains("OptimisticLockingException") || body.contains("ENGINE-03005"))) {
                    after = Optional.of(CONCURRENT);
                }
                Matcher missing = MISSING_ANSWER.matcher(body);
                if (after.isPresent()) {
                    answer.resetBuffer();
                    write(answer, HttpServletResponse.SC_CONFLICT, "TaskConflict", after.get());
                } else if (missing.find()) { // the step's own rules read an answer the submission did not give
                    answer.resetBuffer();
                    write(answer, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequest",
                            Conflict.of("task.conflict.missing"), missing.group(1));
                }
            }
            answer.copyBodyToResponse();
        }

        /**
         * A form the step refused (a field's rule, {@code TaskInput}): the engine's answer reads "Cannot submit task
         * form 4d4c…: agreedAmount: 分期金额合计须等于…"; a person reads the Chinese sentence only, without the task's
         * id or the field's key (the key stays in {@code field}: the Tasklist's {@code field-errors.js} shows the
         * sentence under that field). The English is the refusal's own, kept on the request by {@code TaskInput}.
         */
        private Optional<Refusal> formRefusal(String body, HttpServletRequest request) {
            try {
                Object message = json.readValue(body, Map.class).get("message");
                if (!(message instanceof String text)) {
                    return Optional.empty();
                }
                Matcher m = FORM_REFUSAL.matcher(text);
                if (!m.matches()) {
                    return Optional.empty();
                }
                String english = request.getAttribute(FieldError.REFUSED) instanceof FieldError refused
                        && refused.message().equals(m.group(2)) ? refused.messageEn() : m.group(2);
                return Optional.of(new Refusal(m.group(1), new Conflict(m.group(2), english)));
            } catch (IOException | RuntimeException notJson) {
                return Optional.empty();
            }
        }

        private void write(HttpServletResponse response, int status, String type, Conflict conflict) throws IOException {
            write(response, status, type, conflict, null);
        }

        /**
         * The engine REST API's error shape ({@code type}, {@code message}), with the English beside it and, for a
         * refused form, the {@code field} it names.
         */
        private void write(HttpServletResponse response, int status, String type, Conflict conflict, String field)
                throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", type);
            body.put("message", conflict.message());
            body.put("messageEn", conflict.messageEn());
            body.put("code", null);
            if (field != null) {
                body.put("field", field);
            }
            response.setStatus(status);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(body));
        }
    }

    @Configuration
    static class Registration {

        /** After the security frame (which knows the person), before the engine's authentication filters. */
        @Bean
        FilterRegistrationBean<Filter> taskConflictFilter(TaskConflicts conflicts, ObjectMapper json) {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(conflicts, json));
            registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
            registration.setUrlPatterns(List.of("/engine-rest/*", "/camunda/api/engine/*"));
            registration.setDispatcherTypes(DispatcherType.REQUEST);
            return registration;
        }
    }
}
