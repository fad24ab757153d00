package cn.labordispute.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's staff pages need a logged-in session — their own login, or the Camunda webapps' login of the same
 * browser session; otherwise, to the login page and back.
 */
class StaffPageFilter extends OncePerRequestFilter {

    private final StaffDirectory directory;

    StaffPageFilter(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = StaffSession.caller(request).or(() -> StaffSession.fromWebappLogin(request, directory));
        if (caller.isEmpty()) {
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return;
        }
        request.setAttribute(StaffAuthenticationFilter.CALLER, caller.get());
        chain.doFilter(request, response);
    }
}
