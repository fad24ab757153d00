package cn.labordispute.security;

import java.util.Set;

/** The authenticated staff member behind a request, with the organisations whose cases they may see. */
public record Caller(String userId, Set<String> groups, Set<String> organisations, boolean cityWide) {

    /** The organisations to filter by, or null when the caller sees every organisation. */
    public Set<String> visibleOrganisations() {
        return cityWide ? null : organisations;
    }

    public boolean mayActFor(String organisation) {
        return cityWide || organisations.contains(organisation);
    }
}
