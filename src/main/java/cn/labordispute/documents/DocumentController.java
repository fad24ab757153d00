package cn.labordispute.documents;

import cn.labordispute.text.Texts;
import cn.labordispute.cases.CaseAccess;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.text.FieldError;
import cn.labordispute.security.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A case's documents: the staff page a mediator opens from a Tasklist form (/cases/{caseNumber}/documents) to issue
 * a document in one step, preview it and print it as PDF, and the same through the REST API. Staff see only the
 * cases of their own organisations.
 */
@Controller
class DocumentController {

    private static final Map<String, Object> NOT_FOUND = Texts.message("case.notFound");

    private final Documents documents;
    private final CaseAccess access;
    private final PdfRenderer pdf;

    DocumentController(Documents documents, CaseAccess access, PdfRenderer pdf) {
        this.documents = documents;
        this.access = access;
        this.pdf = pdf;
    }

    @GetMapping("/api/cases/{caseNumber}/documents")
    @ResponseBody
    ResponseEntity<?> list(@PathVariable String caseNumber, Caller caller) {
        if (visible(caseNumber, caller).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        return ResponseEntity.ok(documents.list(caseNumber).stream().map(DocumentController::summary).toList());
    }

    /** Body: {"kind": "MEDIATION_AGREEMENT"}. Answers 201 with the document's summary and its address. */
    @PostMapping("/api/cases/{caseNumber}/documents")
    @ResponseBody
    ResponseEntity<?> issue(@PathVariable String caseNumber, @RequestBody(required = false) Map<String, String> body,
            Caller caller) {
        if (visible(caseNumber, caller).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        Optional<DocumentKind> kind = DocumentKind.find(body == null ? null : body.get("kind"));
        if (kind.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("message", Texts.zh("document.kind.invalid"),
                    "messageEn", Texts.en("document.kind.invalid"), "errors", List.of(kindError())));
        }
        try {
            IssuedDocument d = documents.generate(caseNumber, kind.get(), caller.userId());
            return ResponseEntity.created(address(caseNumber, d.id(), "")).body(summary(d));
        } catch (Signatures.DocumentLocked locked) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("message", locked.error().message(),
                    "messageEn", locked.error().messageEn(), "errors", List.of(locked.error())));
        }
    }

    @GetMapping(value = "/api/cases/{caseNumber}/documents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> html(@PathVariable String caseNumber, @PathVariable long id, Caller caller) {
        return found(caseNumber, id, caller)
                .map(d -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .header("X-Content-SHA256", d.sha256()).body(d.content()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                        .body(Texts.zh("case.notFound")));
    }

    @GetMapping("/api/cases/{caseNumber}/documents/{id}/pdf")
    @ResponseBody
    ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable long id, Caller caller) {
        return found(caseNumber, id, caller)
                .map(d -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(d.title() + "-" + d.id() + ".pdf", StandardCharsets.UTF_8).build().toString())
                        .body(pdf.render(d.content())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/cases/{caseNumber}/documents")
    String page(@PathVariable String caseNumber, @RequestParam(required = false) Long shown, Caller caller,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("caseNumber", caseNumber);
            return "pages/case-not-found";
        }
        List<IssuedDocument> issued = documents.list(caseNumber);
        model.addAttribute("case", c.get());
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("documents", issued);
        model.addAttribute("shown", shown != null ? shown : issued.isEmpty() ? null : issued.get(issued.size() - 1).id());
        model.addAttribute("user", caller.userId());
        return "pages/documents";
    }

    @PostMapping("/cases/{caseNumber}/documents")
    String issueFromPage(@PathVariable String caseNumber, @RequestParam(required = false) String kind,
            Caller caller, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (visible(caseNumber, caller).isEmpty()) {
            return page(caseNumber, null, caller, request, response, model);
        }
        FieldError error = DocumentKind.find(kind).isEmpty() ? kindError() : null;
        if (error != null) {
            String view = page(caseNumber, null, caller, request, response, model);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", List.of(error));
            return view;
        }
        IssuedDocument d;
        try {
            d = documents.generate(caseNumber, DocumentKind.valueOf(kind), caller.userId());
        } catch (Signatures.DocumentLocked locked) {
            String view = page(caseNumber, null, caller, request, response, model);
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("errors", List.of(locked.error()));
            return view;
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/cases/{caseNumber}/documents").queryParam("shown", d.id())
                .buildAndExpand(caseNumber).encode().toUriString();
    }

    private Optional<DisputeCase> visible(String caseNumber, Caller caller) {
        return access.find(caseNumber, caller);
    }

    private Optional<IssuedDocument> found(String caseNumber, long id, Caller caller) {
        return visible(caseNumber, caller).flatMap(c -> documents.find(caseNumber, id));
    }

    private static FieldError kindError() {
        return FieldError.of("kind", "document.kind");
    }

    private static URI address(String caseNumber, Long id, String suffix) {
        return UriComponentsBuilder.fromPath("/api/cases/{caseNumber}/documents" + (id == null ? "" : "/" + id) + suffix)
                .buildAndExpand(caseNumber).encode().toUri();
    }

    private static Map<String, Object> summary(IssuedDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("kind", d.kind().name());
        m.put("title", d.title());
        m.put("template", d.template());
        m.put("templateVersion", d.templateVersion());
        m.put("sha256", d.sha256());
        m.put("activityId", d.activityId());
        m.put("createdBy", d.createdBy());
        m.put("createdAt", d.createdAt().toString());
        m.put("html", address(d.caseNumber(), d.id(), "").toString());
        m.put("pdf", address(d.caseNumber(), d.id(), "/pdf").toString());
        return m;
    }
}
