package cn.labordispute.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request about a case is served carries its case number (MDC key {@code caseNumber}),
 * so that with JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) an operator finds everything about a case:
 * {@code /api/cases/{number}/…} and {@code /cases/{number}/…}. The engine does the same for its own work on a case
 * ({@code loggingContextBusinessKey}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseNumberLogContext extends OncePerRequestFilter {

    static final String KEY = "caseNumber";
    private static final Pattern CASE_PATH = Pattern.compile("^/(?:api/)?cases/([^/]+)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher m = CASE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!m.find()) {
            chain.doFilter(request, response);
            return;
        }
        try {
            MDC.put(KEY, URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notAnEncodedNumber) {
            MDC.put(KEY, m.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(KEY);
        }
    }
}
