package cn.labordispute.security;

import org.springframework.security.core.AuthenticatedPrincipal;
import java.util.Set;

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

    public boolean mayActFor(String organisation) {
        return cityWide || organisations.contains(organisation);
    }

    @Override
    public String getName() {
        return userId;
    }
}
