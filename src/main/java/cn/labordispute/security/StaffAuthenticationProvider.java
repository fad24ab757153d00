package cn.labordispute.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Staff passwords, checked against Camunda's identity service for every way in (the login page, the Camunda webapps'
 * login, HTTP Basic on /api and /engine-rest), with the login throttle in front. The authentication's principal is
 * the {@link Caller}; its authorities are the caller's Camunda groups. Failed logins and throttled tries are logged
 * with the source address (never the password).
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger("cn.labordispute.security.LOGIN");
    private final StaffDirectory directory;
    private final LoginThrottle throttle;

    private final Counter wrongPassword;
    private final Counter throttled;

    StaffAuthenticationProvider(StaffDirectory directory, LoginThrottle throttle,
            MeterRegistry metrics) {
        this.directory = directory;
        this.throttle = throttle;
        this.wrongPassword = refused(metrics, "wrong_password");
        this.throttled = refused(metrics, "throttled");
    }

    /** Prometheus: dispute_logins_refused_total{reason}. */
    private static Counter refused(MeterRegistry metrics, String reason) {
        return Counter.builder("dispute.logins.refused")
                .description("staff logins refused").tag("reason", reason).register(metrics);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String user = request.getName() == null ? "" : request.getName().trim();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        String address = request.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : clientAddress();
        var wait = throttle.waitFor(address, user);
        if (wait.isPresent()) {
            throttled.increment();
            log.warn("login throttled: user={} address={} wait={}s", user, address, wait.get().toSeconds());
            throw new LoginThrottledException(wait.get());
        }
        var caller = user.isEmpty() || password.isEmpty() ? java.util.Optional.<Caller>empty()
                : directory.authenticate(user, password);
        if (caller.isEmpty()) {
            throttle.failed(address, user);
            wrongPassword.increment();
            log.warn("login failed: user={} address={}", user, address);
            throw new BadCredentialsException("wrong user name or password");
        }
        throttle.succeeded(address, user);
        log.debug("login: user={} address={}", user, address); // every HTTP Basic request is one: not at INFO
        return authenticated(caller.get());
    }

    static UsernamePasswordAuthenticationToken authenticated(Caller caller) {
        List<SimpleGrantedAuthority> authorities = caller.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }

    /** Too many failures from this address for this account: try again after the wait. */
    static final class LoginThrottledException extends AuthenticationException {
        final Duration wait;

        LoginThrottledException(Duration wait) {
            super("too many failed logins; wait " + wait.toSeconds() + " s");
            this.wait = wait;
        }
    }
}
