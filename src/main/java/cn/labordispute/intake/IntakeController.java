package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * POST /api/cases: staff open a case at the window (一窗受理). With an {@code Idempotency-Key} header a retry of the
 * same application answers the first case again ({@code 200}, {@code Idempotent-Replayed: true}); a new case is
 * {@code 201}. The answer says when the case looks like a repeat of an open one.
 */
@RestController
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping("/api/cases")
    ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) CaseApplication application,
            @RequestHeader(name = "Idempotency-Key", required = false) String key, Caller caller) {
        List<FieldError> keyErrors = IntakeRequests.check(key);
        if (!keyErrors.isEmpty()) {
            throw new InvalidApplicationException(keyErrors);
        }
        IntakeService.Opened opened;
        try {
            opened = intake.open(application, caller, key);
        } catch (DataIntegrityViolationException raced) {
            if (key == null) {
                throw raced;
            }
            opened = intake.open(application, caller, key); // a parallel request with the key stored first: its answer
        }
        URI location = UriComponentsBuilder.fromPath("/api/cases/{caseNumber}").buildAndExpand(opened.caseNumber())
                .encode().toUri();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNumber", opened.caseNumber());
        if (opened.possibleDuplicateOf() != null) {
            body.put("possibleDuplicateOf", opened.possibleDuplicateOf());
            body.put("message", "已登记；与 " + opened.possibleDuplicateOf() + " 的申请人、用人单位和请求事项相同，已标记为可能重复，请核实");
            body.put("messageEn", "Registered; it repeats the applicant, employer and claims of " + opened.possibleDuplicateOf()
                    + " and is flagged as a possible duplicate");
        }
        if (opened.repeated()) {
            return ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(body);
        }
        return ResponseEntity.created(location).body(body);
    }
}
