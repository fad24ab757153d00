package cn.labordispute.prevention;

import cn.labordispute.text.Texts;
import cn.labordispute.documents.PdfRenderer;
import cn.labordispute.intake.NotPermittedException;
import cn.labordispute.security.Caller;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 法治体检 through REST (/api/health-checks): register a check for an enterprise, list the organisation's checks, read
 * a check's documents (the report, the warning letter) and print them as PDF. Staff see only their organisations'.
 */
@RestController
class HealthCheckController {

    private static final Map<String, Object> NOT_FOUND = Texts.message("healthCheck.notFound");

    private final HealthChecks checks;
    private final PdfRenderer pdf;

    HealthCheckController(HealthChecks checks, PdfRenderer pdf) {
        this.checks = checks;
        this.pdf = pdf;
    }

    /** Body: {"organisation", "employerName", "employerCreditCode", "reason"}. */
    @PostMapping("/api/health-checks")
    ResponseEntity<Map<String, Object>> request(@RequestBody(required = false) Map<String, String> body, Caller caller) {
        Map<String, String> b = body == null ? Map.of() : body;
        if (b.get("organisation") != null && !caller.mayActFor(b.get("organisation"))) {
            throw new NotPermittedException("organisation");
        }
        String number = checks.request(b.get("organisation"), b.get("employerName"), b.get("employerCreditCode"),
                b.get("reason"), caller.userId());
        URI location = UriComponentsBuilder.fromPath("/api/health-checks/{n}").buildAndExpand(number).encode().toUri();
        return ResponseEntity.created(location).body(Map.of("checkNumber", number));
    }

    @GetMapping("/api/health-checks")
    List<HealthChecks.Check> list(Caller caller) {
        return checks.list(caller.cityWide() ? null : caller.organisations());
    }

    @GetMapping("/api/health-checks/{checkNumber}/documents")
    ResponseEntity<?> documents(@PathVariable String checkNumber, Caller caller) {
        return visible(checkNumber, caller).<ResponseEntity<?>>map(c -> ResponseEntity.ok(checks.documents(checkNumber, false)))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    @GetMapping("/api/health-checks/{checkNumber}/documents/{id}/pdf")
    ResponseEntity<?> pdf(@PathVariable String checkNumber, @PathVariable long id, Caller caller) {
        return visible(checkNumber, caller).flatMap(c -> checks.documents(checkNumber, true).stream()
                        .filter(d -> d.id() == id).findFirst())
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(d.title() + "-" + d.id() + ".pdf", StandardCharsets.UTF_8).build().toString())
                        .body(pdf.render(d.content())))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND));
    }

    private Optional<HealthChecks.Check> visible(String checkNumber, Caller caller) {
        return checks.find(checkNumber).filter(c -> caller.mayActFor(c.organisation()));
    }
}
