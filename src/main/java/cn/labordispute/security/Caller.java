package cn.labordispute.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated member of staff behind a request, with the organisations whose cases they may see. It is the
 * principal of the staff's Spring Security authentication, so the Camunda webapps and the engine REST API read the
 * same user from it.
 */
public record Caller(String userId, Set<String> groups, Set<String> organisations, boolean cityWide)
        implements AuthenticatedPrincipal {

    /** The organisations to filter by, or null when the caller sees every organisation. */
    public Set<String> visibleOrganisations() {
        return cityWide ? null : organisations;
    }

    /** Whether the caller supervises the organisation: its supervisor, or a city supervisor. */
    public boolean supervises(String organisation) {
        return cityWide || groups.contains(Roles.SUPERVISOR.groupFor(organisation));
    }

    public boolean mayActFor(String organisation) {
        return cityWide || organisations.contains(organisation);
    }

    /** The staff member the security frame authenticated for this request, if any. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    @Override
    public String getName() {
        return userId;
    }
}
