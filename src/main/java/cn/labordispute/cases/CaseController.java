package cn.labordispute.cases;

import cn.labordispute.text.Texts;
import cn.labordispute.security.Organisations;
import cn.labordispute.security.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff read cases: one case with its stage, open tasks and history, or a filtered list. Filtered by organisation. */
@RestController
class CaseController {

    private final CaseAccess access;
    private final CaseRepository cases;
    private final CaseCauses causes;
    private final Organisations organisations;
    private final CaseActions actions;
    private final FirstResponder firstResponder;

    CaseController(CaseAccess access, CaseRepository cases, CaseCauses causes, Organisations organisations,
            CaseActions actions, FirstResponder firstResponder) {
        this.access = access;
        this.cases = cases;
        this.causes = causes;
        this.organisations = organisations;
        this.actions = actions;
        this.firstResponder = firstResponder;
    }

    /**
     * One case, identity and phone numbers masked. {@code ?reveal=idNumber,phone}: those fields in full, for the
     * case's handler or an arbitrator of its organisation, each reading written to the access log; others get 403.
     */
    @GetMapping("/api/cases/{caseNumber}")
    ResponseEntity<?> one(@PathVariable String caseNumber, @RequestParam(required = false) String reveal,
            Caller caller) {
        Set<String> fields = new TreeSet<>();
        if (reveal != null) {
            for (String f : reveal.split(",")) {
                if (!f.isBlank() && !PersonalData.FIELDS.containsKey(f.trim())) {
                    return ResponseEntity.badRequest().body(Map.of("message", "查询参数有误",
                            "messageEn", "invalid query parameter",
                            "errors", List.of(Map.of("field", "reveal", "message", "只能是 idNumber（证件号码）或 phone（联系电话）",
                                    "messageEn", "reveal may name idNumber and phone only"))));
                }
                if (!f.isBlank()) {
                    fields.add(f.trim());
                }
            }
        }
        try {
            return access.viewInFull(caseNumber, caller, fields, "API")
                    .<ResponseEntity<?>>map(ResponseEntity::ok)
                    .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                            .body(Texts.message("case.notFound")));
        } catch (CaseAccess.PersonalDataRefused e) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of(
                    "message", "只有本案的承办人或本组织的仲裁员可以查看完整的证件号码和电话",
                    "messageEn", "only the case's handler or an arbitrator of its organisation may read its personal data in full"));
        }
    }

    /** 首问负责: the owner or a supervisor hands the case to another member of staff. Body: {"to": "userId", "note": "..."} */
    @PostMapping("/api/cases/{caseNumber}/first-responder")
    ResponseEntity<?> handOver(@PathVariable String caseNumber, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        List<FirstResponder.Refusal> refused = firstResponder.handOver(caller, caseNumber,
                body == null ? null : body.get("to"), body == null ? null : body.get("note"));
        if (refused.isEmpty()) {
            return ResponseEntity.ok(Map.of("message", Texts.zh("handOver.done"), "messageEn", Texts.en("handOver.done"),
                    "firstResponder", body.get("to")));
        }
        return ResponseEntity.status(refused.get(0).status()).body(Map.of("message", refused.get(0).error().message(),
                "messageEn", refused.get(0).error().messageEn(), "errors", refused.stream().map(FirstResponder.Refusal::error).toList()));
    }

    /** A party asks for legal aid at any stage (the staff member records the request). */
    @PostMapping("/api/cases/{caseNumber}/legal-aid-requests")
    ResponseEntity<?> requestLegalAid(@PathVariable String caseNumber, Caller caller) {
        return act(caseNumber, caller, actions::requestLegalAid, "case.legalAidRequested");
    }

    /** The applicant withdraws the application (撤回). Body: {"reason": "..."} */
    @PostMapping("/api/cases/{caseNumber}/withdrawal")
    ResponseEntity<?> withdraw(@PathVariable String caseNumber, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        String reason = body == null ? null : body.get("reason");
        return act(caseNumber, caller, c -> actions.withdraw(c, reason), "case.withdrawn");
    }

    private ResponseEntity<?> act(String caseNumber, Caller caller, Predicate<DisputeCase> action, String done) {
        Optional<DisputeCase> found = access.find(caseNumber, caller);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(Texts.message("case.notFound"));
        }
        if (!action.test(found.get())) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(Texts.message("case.notRunning"));
        }
        return ResponseEntity.accepted().body(Texts.message(done));
    }

    @GetMapping("/api/cases")
    Map<String, Object> list(@RequestParam(required = false) CaseStage stage,
            @RequestParam(required = false) String status, @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String causeCode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Caller caller) {
        CaseFilter filter = new CaseFilter(stage, status, organisation, causeCode, receivedFrom, receivedTo, q, page,
                size);
        List<Map<String, Object>> rows = cases.search(filter, caller.visibleOrganisations()).stream()
                .map(c -> Map.<String, Object>of("caseNumber", c.caseNumber(), "organisation", c.orgCode(),
                        "stage", c.stage().name(), "stageLabel", c.stage().label(), "status", c.status(),
                        "receivedOn", c.receivedOn().toString(), "collective", c.collective(),
                        "outcome", c.outcome() == null ? "" : c.outcome()))
                .toList();
        return Map.of("total", cases.count(filter, caller.visibleOrganisations()), "page", filter.page(),
                "size", filter.size(), "cases", rows);
    }

    @GetMapping("/api/case-causes")
    Object causes() {
        return causes.all();
    }

    @GetMapping("/api/organisations")
    Object organisations() {
        return organisations.all();
    }
}
