package cn.labordispute.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/** Staff on the application's own REST API (/api/*): HTTP Basic against Camunda's users, or a logged-in page session. */
class StaffAuthenticationFilter extends OncePerRequestFilter {

    static final String CALLER = Caller.class.getName();
    private final StaffDirectory directory;

    StaffAuthenticationFilter(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = credentials(request.getHeader("Authorization"))
                .flatMap(c -> directory.authenticate(c[0], c[1]));
        if (caller.isEmpty() && StaffSession.caller(request).isPresent()) {
            boolean safeMethod = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            if (!safeMethod && !StaffSession.validCsrf(request, request.getHeader("X-CSRF-Token"))) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                response.setContentType("application/json;charset=UTF-8");
                response.getWriter().write("{\"message\":\"缺少或错误的 X-CSRF-Token / missing or wrong X-CSRF-Token\"}");
                return;
            }
            caller = StaffSession.caller(request);
        }
        if (caller.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"labor-dispute\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"message\":\"请先登录 / Authentication required\"}");
            return;
        }
        request.setAttribute(CALLER, caller.get());
        chain.doFilter(request, response);
    }

    private static Optional<String[]> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException badBase64) {
            return Optional.empty();
        }
    }
}
