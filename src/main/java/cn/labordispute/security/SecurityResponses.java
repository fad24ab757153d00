package cn.labordispute.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationDto;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** What the security frame answers: JSON to API clients, the login page to people, in Chinese (and English). */
@Component
class SecurityResponses {

    private final ObjectMapper json;
    private final ProcessEngine engine;

    SecurityResponses(ObjectMapper json, ProcessEngine engine) {
        this.json = json;
        this.engine = engine;
    }

    AuthenticationEntryPoint unauthorisedJson() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"labor-dispute\", charset=\"UTF-8\"");
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "请先登录", "Authentication required");
        };
    }

    /** A person who is not logged in goes to the login page and comes back to where they were going. */
    AuthenticationEntryPoint toLoginPage() {
        return (request, response, e) -> response.sendRedirect("/login?next="
                + URLEncoder.encode(requested(request), StandardCharsets.UTF_8));
    }

    AccessDeniedHandler denied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException && request.getUserPrincipal() == null
                    && request.getRequestURI().startsWith("/api/")) {
                unauthorisedJson().commence(request, response, null);
            } else if (e instanceof CsrfException && "/login".equals(request.getRequestURI())) {
                response.sendRedirect("/login?expired");
            } else if (!request.getRequestURI().startsWith("/api/")) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                request.getRequestDispatcher(e instanceof CsrfException ? "/denied?expired" : "/denied")
                        .forward(request, response);
            } else if (e instanceof CsrfException) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "页面已过期或缺少 X-CSRF-Token，请刷新页面后重试",
                        "missing or wrong CSRF token: reload the page and try again");
            } else {
                write(response, HttpServletResponse.SC_FORBIDDEN, "您无权访问此页面或执行此操作",
                        "you may not open this page or do this");
            }
        };
    }

    /** A refusal on the engine's REST API and the webapps' API, in words, as JSON. */
    AccessDeniedHandler deniedJson() {
        return (request, response, e) -> {
            if (request.getRequestURI().endsWith("/task/create")) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "每个步骤都属于案件的流程，不能在流程之外新建任务",
                        "every step belongs to a case's process: a task cannot be created outside one");
            } else {
                write(response, HttpServletResponse.SC_FORBIDDEN, "您无权访问此页面或执行此操作",
                        "you may not open this page or do this");
            }
        };
    }

    /** A portal form without its token (an old page, another site's form): the portal's own refusal page. */
    AccessDeniedHandler portalDenied() {
        return (request, response, e) -> {
            if ("/portal/codes".equals(request.getRequestURI())) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "页面已过期，请刷新后重试",
                        "the page expired: reload it and try again");
            } else {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                request.getRequestDispatcher("/portal/expired").forward(request, response);
            }
        };
    }

    AuthenticationSuccessHandler pageLoggedIn() {
        return (request, response, authentication) -> response.sendRedirect(LoginController.safeNext(
                request.getParameter("next")));
    }

    AuthenticationFailureHandler pageLoginFailed() {
        return (request, response, e) -> {
            String next = URLEncoder.encode(LoginController.safeNext(request.getParameter("next")), StandardCharsets.UTF_8);
            String user = URLEncoder.encode(String.valueOf(request.getParameter("username")), StandardCharsets.UTF_8);
            String reason = e instanceof StaffAuthenticationProvider.LoginThrottledException t
                    ? "wait=" + Math.max(1, t.wait.toSeconds()) : "error";
            response.sendRedirect("/login?" + reason + "&username=" + user + "&next=" + next);
        };
    }

    /** The Camunda webapps' own login form, answered as the webapps expect (their user and applications). */
    AuthenticationSuccessHandler webappLoggedIn() {
        return (request, response, authentication) -> {
            var user = AuthenticationUtil.createAuthentication(engine, authentication.getName());
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("application/json;charset=UTF-8");
            json.writeValue(response.getOutputStream(), AuthenticationDto.fromAuthentication(user));
        };
    }

    AuthenticationFailureHandler webappLoginFailed() {
        return (request, response, e) -> loginFailed(response, e);
    }

    LogoutSuccessHandler loggedOutJson() {
        return (request, response, authentication) -> response.setStatus(HttpServletResponse.SC_OK);
    }

    private void loginFailed(HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof StaffAuthenticationProvider.LoginThrottledException t) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, t.wait.toSeconds())));
            write(response, 429, "尝试次数过多，请 " + Math.max(1, t.wait.toSeconds()) + " 秒后再试",
                    "too many failed logins: try again in " + Math.max(1, t.wait.toSeconds()) + " s");
        } else {
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "用户名或密码错误", "wrong user name or password");
        }
    }

    /** An API client that sends its own Basic credentials needs no CSRF token (a browser page uses its session). */
    static boolean basicAuth(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static String requested(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private void write(HttpServletResponse response, int status, String message, String english) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("messageEn", english);
        json.writeValue(response.getOutputStream(), body);
    }

}
