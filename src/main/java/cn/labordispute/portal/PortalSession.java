package cn.labordispute.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** What the portal keeps in the browser's session: the cases it may show, the language and the type size. */
final class PortalSession {

    private static final String CASES = PortalSession.class.getName() + ".cases";
    private static final String ENGLISH = PortalSession.class.getName() + ".english";
    private static final String LARGE = PortalSession.class.getName() + ".large";
    private static final String EMPLOYER = PortalSession.class.getName() + ".employer";

    private PortalSession() {
    }

    /** Applies ?lang=en|zh and ?large=1|0 from the request, then answers from the session. */
    static boolean english(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        if (lang != null) {
            request.getSession(true).setAttribute(ENGLISH, "en".equals(lang));
        }
        HttpSession s = request.getSession(false);
        return s != null && Boolean.TRUE.equals(s.getAttribute(ENGLISH));
    }

    static boolean large(HttpServletRequest request) {
        String large = request.getParameter("large");
        if (large != null) {
            request.getSession(true).setAttribute(LARGE, "1".equals(large));
        }
        HttpSession s = request.getSession(false);
        return s != null && Boolean.TRUE.equals(s.getAttribute(LARGE));
    }

    static Locale locale(HttpServletRequest request) {
        return english(request) ? Locale.ENGLISH : Locale.CHINESE;
    }

    /** Grants this browser session the case; the session id changes, so a fixed session cannot be taken over. */
    @SuppressWarnings("unchecked")
    static void grant(HttpServletRequest request, String caseNumber) {
        request.getSession(true);
        request.changeSessionId();
        HttpSession s = request.getSession(false);
        Set<String> cases = (Set<String>) s.getAttribute(CASES);
        Set<String> updated = cases == null ? new HashSet<>() : new HashSet<>(cases);
        updated.add(caseNumber);
        s.setAttribute(CASES, updated);
    }

    @SuppressWarnings("unchecked")
    static boolean mayShow(HttpServletRequest request, String caseNumber) {
        HttpSession s = request.getSession(false);
        Set<String> cases = s == null ? null : (Set<String>) s.getAttribute(CASES);
        return cases != null && cases.contains(caseNumber);
    }

    /** Grants this browser session an enterprise's page (its verified contact); the session id changes. */
    static void grantEmployer(HttpServletRequest request, EmployerContacts.Contact contact) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession(false).setAttribute(EMPLOYER, contact);
    }

    /** The enterprise whose page this session may show, if any. */
    static java.util.Optional<EmployerContacts.Contact> employer(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        return java.util.Optional.ofNullable(s == null ? null : (EmployerContacts.Contact) s.getAttribute(EMPLOYER));
    }

    static void leave(HttpServletRequest request) {
        HttpSession s = request.getSession(false);
        if (s != null) {
            s.removeAttribute(CASES);
            s.removeAttribute(EMPLOYER);
        }
    }
}
