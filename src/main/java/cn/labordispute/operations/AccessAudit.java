package cn.labordispute.operations;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.security.AbstractAuthorizationAuditListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.authorization.event.AuthorizationEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * A signed-in member of staff refused a page or an endpoint goes into the audit log ({@code ACCESS_DENIED}, with the
 * address). A visitor who is not signed in and is sent to the login page is not written down: that is every visit.
 */
@Component
class AccessAudit extends AbstractAuthorizationAuditListener {

    static final String ACCESS_DENIED = "ACCESS_DENIED";

    @Override
    public void onApplicationEvent(AuthorizationEvent event) {
        if (!(event instanceof AuthorizationDeniedEvent<?> denied)) {
            return;
        }
        Authentication who = denied.getAuthentication().get();
        if (who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated()) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (who.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            data.put("address", details.getRemoteAddress());
        }
        if (denied.getObject() instanceof HttpServletRequest request) {
            data.put("method", request.getMethod());
            data.put("path", request.getRequestURI());
        }
        publish(new AuditEvent(who.getName(), ACCESS_DENIED, data));
    }
}
