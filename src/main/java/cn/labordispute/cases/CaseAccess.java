package cn.labordispute.cases;

import cn.labordispute.security.Caller;
import java.util.Optional;
import org.springframework.stereotype.Component;

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

    CaseAccess(CaseRepository cases, CaseViews views) {
        this.cases = cases;
        this.views = views;
    }

    public Optional<DisputeCase> find(String caseNumber, Caller caller) {
        return caseNumber == null ? Optional.empty()
                : cases.findByNumber(caseNumber).filter(c -> caller.mayActFor(c.orgCode()));
    }

    /** The case's full record as staff read it. */
    public Optional<CaseView> view(String caseNumber, Caller caller) {
        return find(caseNumber, caller).map(views::view);
    }

    public boolean visible(String caseNumber, Caller caller) {
        return find(caseNumber, caller).isPresent();
    }
}
