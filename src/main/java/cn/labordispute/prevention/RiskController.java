package cn.labordispute.prevention;

import cn.labordispute.text.Texts;
import cn.labordispute.intake.NotPermittedException;
import cn.labordispute.security.Caller;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** The risk ledger through REST (/api/risks): staff report a risk and read their organisations' ledger. */
@RestController
class RiskController {

    private static final Map<String, Object> NOT_FOUND = Texts.message("risk.notFound");

    private final RiskLedger ledger;

    RiskController(RiskLedger ledger) {
        this.ledger = ledger;
    }

    @PostMapping("/api/risks")
    ResponseEntity<Map<String, Object>> report(@RequestBody(required = false) RiskReport report, Caller caller) {
        if (report != null && report.organisation() != null && !caller.mayActFor(report.organisation())) {
            throw new NotPermittedException("organisation");
        }
        String number = ledger.report(report, caller.userId());
        URI location = UriComponentsBuilder.fromPath("/api/risks/{n}").buildAndExpand(number).encode().toUri();
        return ResponseEntity.created(location).body(Map.of("riskNumber", number,
                "risk", ledger.find(number).orElseThrow()));
    }

    @GetMapping("/api/risks")
    List<Risk> ledger(@RequestParam(required = false) String status, Caller caller) {
        return ledger.list(caller.cityWide() ? null : caller.organisations(), status);
    }

    @GetMapping("/api/risks/{riskNumber}")
    ResponseEntity<?> risk(@PathVariable String riskNumber, Caller caller) {
        return ledger.find(riskNumber).filter(r -> caller.mayActFor(r.organisation()))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }
}
