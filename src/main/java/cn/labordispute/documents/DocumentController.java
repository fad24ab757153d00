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
 * a document in one step, preview it, print it as PDF and void one issued in error, and the same through the REST
 * API. Staff see only the cases of their own organisations, and are offered only the kinds the document rules let
 * them issue on the case now; the API refuses any other kind with 403.
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

    /** The kinds the caller may issue on the case now, as the documents page offers them. */
    @GetMapping("/api/cases/{caseNumber}/documents/issuable")
    @ResponseBody
    ResponseEntity<?> issuable(@PathVariable String caseNumber, Caller caller) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        return ResponseEntity.ok(documents.issuable(caller, c.get()).stream()
                .map(k -> Map.of("kind", k.name(), "title", k.title())).toList());
    }

    /**
     * Body: {"kind": "MEDIATION_AGREEMENT", "replaces": 12 (optional: the voided document it corrects)}. Answers 201
     * with the document's summary and its address; 403 for a kind the caller may not issue on the case now.
     */
    @PostMapping("/api/cases/{caseNumber}/documents")
    @ResponseBody
    ResponseEntity<?> issue(@PathVariable String caseNumber, @RequestBody(required = false) Map<String, Object> body,
            Caller caller) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        Optional<DocumentKind> kind = DocumentKind.find(body == null ? null : String.valueOf(body.get("kind")));
        if (kind.isEmpty()) {
            return refusal(400, kindError());
        }
        Long replaces;
        try {
            replaces = id(body.get("replaces"));
        } catch (NumberFormatException e) {
            return refusal(400, FieldError.of("replaces", "document.replaces", kind.get().title()));
        }
        try {
            IssuedDocument d = documents.issueByStaff(caller, c.get(), kind.get(), replaces);
            return ResponseEntity.created(address(caseNumber, d.id(), "")).body(summary(d));
        } catch (Signatures.DocumentLocked locked) {
            return refusal(409, locked.error());
        } catch (Documents.NotPermitted e) {
            return refusal(403, e.error());
        } catch (Documents.Refused e) {
            return refusal(e.status(), e.error());
        }
    }

    /** Body: {"reason": "..."}. Voids the document (its issuer or a supervisor); it stays on the case, marked void. */
    @PostMapping("/api/cases/{caseNumber}/documents/{id}/void")
    @ResponseBody
    ResponseEntity<?> voidDocument(@PathVariable String caseNumber, @PathVariable long id,
            @RequestBody(required = false) Map<String, String> body, Caller caller) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(NOT_FOUND);
        }
        try {
            return ResponseEntity.ok(summary(documents.voidDocument(caller, c.get(), id, body == null ? null : body.get("reason"))));
        } catch (Documents.NotPermitted e) {
            return refusal(403, e.error());
        } catch (Documents.Refused e) {
            return refusal(e.status(), e.error());
        }
    }

    @GetMapping(value = "/api/cases/{caseNumber}/documents/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    ResponseEntity<String> html(@PathVariable String caseNumber, @PathVariable long id, Caller caller) {
        return found(caseNumber, id, caller)
                .map(d -> ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .header("X-Content-SHA256", d.sha256()).body(documents.printable(d)))
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
                        .body(pdf.render(documents.printable(d))))
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
        model.addAttribute("kinds", documents.issuable(caller, c.get()));
        model.addAttribute("voidable", issued.stream().filter(d -> !d.isVoided() && documents.mayVoid(caller, c.get(), d))
                .map(IssuedDocument::id).toList());
        model.addAttribute("voided", issued.stream().filter(IssuedDocument::isVoided).toList());
        model.addAttribute("documents", issued);
        model.addAttribute("shown", shown != null ? shown : issued.isEmpty() ? null : issued.get(issued.size() - 1).id());
        model.addAttribute("user", caller.userId());
        return "pages/documents";
    }

    @PostMapping("/cases/{caseNumber}/documents")
    String issueFromPage(@PathVariable String caseNumber, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String replaces, Caller caller, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty() || DocumentKind.find(kind).isEmpty()) {
            return refused(caseNumber, null, c.isEmpty() ? 404 : 400, kindError(), caller, request, response, model);
        }
        try {
            IssuedDocument d = documents.issueByStaff(caller, c.get(), DocumentKind.valueOf(kind), id(replaces));
            return shownAfter(caseNumber, d.id());
        } catch (NumberFormatException e) {
            return refused(caseNumber, null, 400, FieldError.of("replaces", "document.replaces",
                    DocumentKind.valueOf(kind).title()), caller, request, response, model);
        } catch (Signatures.DocumentLocked locked) {
            return refused(caseNumber, null, 409, locked.error(), caller, request, response, model);
        } catch (Documents.NotPermitted e) {
            return refused(caseNumber, null, 403, e.error(), caller, request, response, model);
        } catch (Documents.Refused e) {
            return refused(caseNumber, null, e.status(), e.error(), caller, request, response, model);
        }
    }

    @PostMapping("/cases/{caseNumber}/documents/{id}/void")
    String voidFromPage(@PathVariable String caseNumber, @PathVariable long id,
            @RequestParam(required = false) String reason, Caller caller, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Optional<DisputeCase> c = visible(caseNumber, caller);
        if (c.isEmpty()) {
            return page(caseNumber, null, caller, request, response, model);
        }
        try {
            documents.voidDocument(caller, c.get(), id, reason);
            return shownAfter(caseNumber, id);
        } catch (Documents.NotPermitted e) {
            return refused(caseNumber, id, 403, e.error(), caller, request, response, model);
        } catch (Documents.Refused e) {
            return refused(caseNumber, id, e.status(), e.error(), caller, request, response, model);
        }
    }

    /** The page again, with the refusal at its top and its status; nothing was changed. */
    private String refused(String caseNumber, Long shown, int status, FieldError error, Caller caller,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String view = page(caseNumber, shown, caller, request, response, model);
        if (response.getStatus() != HttpServletResponse.SC_NOT_FOUND) {
            response.setStatus(status);
            model.addAttribute("errors", List.of(error));
        }
        return view;
    }

    private static String shownAfter(String caseNumber, long id) {
        return "redirect:" + UriComponentsBuilder.fromPath("/cases/{caseNumber}/documents").queryParam("shown", id)
                .buildAndExpand(caseNumber).encode().toUriString();
    }

    /** A document's id as a client sent it (a number or its text), or null for none. */
    private static Long id(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        return value instanceof Number n ? n.longValue() : Long.valueOf(value.toString().trim());
    }

    private static ResponseEntity<Map<String, Object>> refusal(int status, FieldError error) {
        return ResponseEntity.status(status).body(Map.of("message", error.message(), "messageEn", error.messageEn(),
                "errors", List.of(error)));
    }

    private Optional<DisputeCase> visible(String caseNumber, Caller caller) {
        return access.find(caseNumber, caller);
    }

    private Optional<IssuedDocument> found(String caseNumber, long id, Caller caller) {
        return visible(caseNumber, caller).flatMap(c -> documents.find(caseNumber, id));
    }

    private static FieldError kindError() {
        return FieldError.of("kind", "document.kind.invalid");
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
        m.put("replaces", d.replaces());
        if (d.isVoided()) {
            m.put("voided", Map.of("by", d.voided().by(), "at", d.voided().at().toString(), "reason", d.voided().reason()));
        }
        m.put("html", address(d.caseNumber(), d.id(), "").toString());
        m.put("pdf", address(d.caseNumber(), d.id(), "/pdf").toString());
        return m;
    }
}
