package cn.labordispute.intake;

import cn.labordispute.security.Caller;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** POST /api/cases: staff open a case at the window (一窗受理). */
@RestController
class IntakeController {

    private final IntakeService intake;

    IntakeController(IntakeService intake) {
        this.intake = intake;
    }

    @PostMapping("/api/cases")
    ResponseEntity<Map<String, Object>> open(@RequestBody(required = false) CaseApplication application,
            Caller caller) {
        String caseNumber = intake.open(application, caller);
        URI location = UriComponentsBuilder.fromPath("/api/cases/{caseNumber}").buildAndExpand(caseNumber).encode().toUri();
        return ResponseEntity.created(location).body(Map.of("caseNumber", caseNumber));
    }
}
