package cn.labordispute.prevention;

import cn.labordispute.cases.CaseAccess;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.CaseSearch;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.cases.Party;
import cn.labordispute.security.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The records of a person and of an enterprise (P档 / C档, as the Shanghai report keeps them), opened from a party of a
 * case: every case of that worker (matched by identity number), or every case, risk and legal health check of that
 * employer (matched by credit code), in the caller's organisations — a repeat employer is visible at a glance. The
 * identity number never appears in the address: the page is reached through the case and the party's place in it.
 */
@Controller
class RecordsController {

    private final CaseAccess access;
    private final CaseRepository cases;
    private final CaseSearch search;
    private final RiskLedger risks;
    private final HealthChecks checks;

    RecordsController(CaseAccess access, CaseRepository cases, CaseSearch search, RiskLedger risks, HealthChecks checks) {
        this.access = access;
        this.cases = cases;
        this.search = search;
        this.risks = risks;
        this.checks = checks;
    }

    @GetMapping("/cases/{caseNumber}/parties/{index}")
    String record(@PathVariable String caseNumber, @PathVariable int index, Caller caller, HttpServletResponse response,
            Model model) {
        model.addAttribute("user", caller.userId());
        Optional<DisputeCase> c = access.find(caseNumber, caller);
        List<Party> parties = c.map(found -> cases.parties(found.id())).orElse(List.of());
        if (c.isEmpty() || index < 0 || index >= parties.size()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("caseNumber", caseNumber);
            return "pages/case-not-found";
        }
        Party party = parties.get(index);
        boolean enterprise = party.role() == Party.Role.EMPLOYER;
        model.addAttribute("from", caseNumber);
        model.addAttribute("party", party);
        model.addAttribute("enterprise", enterprise);
        model.addAttribute("hits", search.withParty(caller, party.role(), party.idNumber()));
        if (enterprise) {
            model.addAttribute("risks", risks.list(caller.cityWide() ? null : caller.organisations(), null).stream()
                    .filter(r -> party.idNumber().equals(r.employerCreditCode())).toList());
            model.addAttribute("checks", checks.list(caller.cityWide() ? null : caller.organisations()).stream()
                    .filter(k -> party.idNumber().equals(k.employerCreditCode())).toList());
        }
        return "pages/record";
    }
}
