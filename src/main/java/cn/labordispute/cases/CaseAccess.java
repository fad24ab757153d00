package cn.labordispute.cases;

import cn.labordispute.security.Caller;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one path from a case number to a case for a member of staff: the case exists and belongs to one of the caller's
 * organisations (the city sees all), or there is no such case for them — the same answer, 404, so that a stranger
 * learns nothing. Every controller, page, export and document endpoint that takes a case number asks here; none looks
 * a case up and filters it itself. (A party reaches a case through the portal's grant instead.)
 */
@Component
public class CaseAccess {

    private final CaseRepository cases;
    private final CaseViews views;
    private final PersonalData personal;

    CaseAccess(CaseRepository cases, CaseViews views, PersonalData personal) {
        this.cases = cases;
        this.views = views;
        this.personal = personal;
    }

    /** A case's personal data asked for in full by someone who does not handle it. */
    public static class PersonalDataRefused extends RuntimeException {
        public PersonalDataRefused() {
            super("only the case's handler or an arbitrator of its organisation may read its personal data in full");
        }
    }

    public Optional<DisputeCase> find(String caseNumber, Caller caller) {
        return caseNumber == null ? Optional.empty()
                : cases.findByNumber(caseNumber).filter(c -> caller.mayActFor(c.orgCode()));
    }

    /** The case's record as staff read it, identity and phone numbers masked. */
    @Transactional(readOnly = true)
    public Optional<CaseView> view(String caseNumber, Caller caller) {
        return find(caseNumber, caller).map(c -> views.view(c, Set.of(), personal.mayReveal(caller, c)));
    }

    /**
     * The case's record with the asked personal-data fields ({@link PersonalData#FIELDS}) in full, each reading
     * written to the access log; {@link PersonalDataRefused} if the caller does not handle the case.
     */
    @Transactional
    public Optional<CaseView> viewInFull(String caseNumber, Caller caller, Set<String> fields, String channel) {
        Optional<DisputeCase> found = find(caseNumber, caller);
        if (found.isEmpty() || fields.isEmpty()) {
            return found.map(c -> views.view(c, Set.of(), personal.mayReveal(caller, c)));
        }
        DisputeCase c = found.get();
        if (!personal.mayReveal(caller, c)) {
            throw new PersonalDataRefused();
        }
        personal.logReading(caller, c, new java.util.TreeSet<>(fields), channel);
        return Optional.of(views.view(c, fields, true));
    }

    public boolean visible(String caseNumber, Caller caller) {
        return find(caseNumber, caller).isPresent();
    }
}
