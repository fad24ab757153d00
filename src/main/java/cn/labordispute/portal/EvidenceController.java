package cn.labordispute.portal;

import cn.labordispute.text.Texts;
import cn.labordispute.cases.CaseAccess;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.security.Caller;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence parties uploaded, for staff at every stage (/api/cases/{caseNumber}/evidence): listed with its hash, and
 * downloadable, so nobody asks a party for the same file twice. Staff see only their organisations' cases.
 */
@RestController
class EvidenceController {

    private static final Map<String, Object> NOT_FOUND = Texts.message("case.notFound");

    private final CaseAccess access;
    private final Evidence evidence;

    EvidenceController(CaseAccess access, Evidence evidence) {
        this.access = access;
        this.evidence = evidence;
    }

    @GetMapping("/api/cases/{caseNumber}/evidence")
    ResponseEntity<?> list(@PathVariable String caseNumber, Caller caller) {
        return visible(caseNumber, caller).<ResponseEntity<?>>map(c -> ResponseEntity.ok(evidence.list(c.id())))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    @GetMapping("/api/cases/{caseNumber}/evidence/{id}")
    ResponseEntity<?> file(@PathVariable String caseNumber, @PathVariable long id, Caller caller) {
        return visible(caseNumber, caller).flatMap(c -> evidence.content(c.id(), id))
                .<ResponseEntity<?>>map(Evidence::download)
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    private Optional<DisputeCase> visible(String caseNumber, Caller caller) {
        return access.find(caseNumber, caller);
    }
}
