package cn.labordispute.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/** The staff member logged in to the application's own pages, and the session's CSRF token for their forms. */
public final class StaffSession {

    static final String CALLER = StaffSession.class.getName() + ".caller";
    static final String CSRF = StaffSession.class.getName() + ".csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private StaffSession() {
    }

    public static Optional<Caller> caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (Caller) session.getAttribute(CALLER));
    }

    /**
     * The member of staff already logged in to the Camunda webapps in this browser session (the Tasklist's login
     * lives in the same HTTP session), so that a mediator who follows a form's link to the documents page is not
     * asked to log in again. Their groups and organisations are read afresh from the identity service.
     */
    static Optional<Caller> fromWebappLogin(HttpServletRequest request, StaffDirectory directory) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        Authentications webapp = AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = webapp == null ? null : webapp.getAuthenticationForProcessEngine("default");
        if (user == null || user.getIdentityId() == null) {
            return Optional.empty();
        }
        Caller caller = directory.caller(user.getIdentityId());
        session.setAttribute(CALLER, caller);
        return Optional.of(caller);
    }

    static void login(HttpServletRequest request, Caller caller) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(CALLER, caller);
        session.setAttribute(CSRF, HexFormat.of().formatHex(bytes()));
    }

    /** The token every form of the session must send back (field "_csrf"). */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(CSRF);
        if (token == null) {
            token = HexFormat.of().formatHex(bytes());
            session.setAttribute(CSRF, token);
        }
        return token;
    }

    public static boolean validCsrf(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(false);
        return session != null && token != null && token.equals(session.getAttribute(CSRF));
    }

    private static byte[] bytes() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
