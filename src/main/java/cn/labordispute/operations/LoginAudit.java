package cn.labordispute.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthenticationAuditListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Logins into the audit log: a login through a login page (the staff pages' or the Camunda webapps'), a refused login
 * (wrong password, throttled) through any way in, and a logout — with the address it came from. A request to the API
 * with HTTP Basic authenticates every time; that is not a login and is not written down (a refused one is).
 */
@Component
class LoginAudit extends AbstractAuthenticationAuditListener {

    static final String LOGIN = "LOGIN";
    static final String LOGIN_REFUSED = "LOGIN_REFUSED";
    static final String LOGOUT = "LOGOUT";

    @Override
    public void onApplicationEvent(AbstractAuthenticationEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null) {
            data.put("address", details.getRemoteAddress());
        }
        String who = event.getAuthentication().getName();
        if (event instanceof AbstractAuthenticationFailureEvent failure) {
            data.put("reason", failure.getException().getClass().getSimpleName());
            publish(new AuditEvent(who, LOGIN_REFUSED, data));
        } else if (event instanceof LogoutSuccessEvent) {
            publish(new AuditEvent(who, LOGOUT, data));
        } else if (event instanceof InteractiveAuthenticationSuccessEvent) {
            publish(new AuditEvent(who, LOGIN, data));
        }
    }
}
