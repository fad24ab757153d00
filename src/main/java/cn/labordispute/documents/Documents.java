package cn.labordispute.documents;

import org.springframework.boot.actuate.audit.listener.AuditApplicationEvent;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.calendar.Times;
import cn.labordispute.security.Caller;
import cn.labordispute.security.StaffNames;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues documents on a case (一键成稿). BPMN issues the ones a step always produces, e.g.
 * {@code ${documents.issue(execution, 'MEDIATION_AGREEMENT')}} when the agreement is signed, inside the engine's
 * transaction; staff issue others from the case's documents page, only what {@link DocumentRules} lets them issue on
 * the case now; the party's own application is issued as it is filed. Each issue stores the rendered XHTML, the
 * template's version, the SHA-256 of the content, who and when, and notes it in the case's timeline. A document
 * issued in error is voided with a reason — never deleted or changed — and a corrected one names the one it replaces.
 */
@Component("documents")
public class Documents {

    static final String SYSTEM = "system";

    private final CaseRepository cases;
    private final CaseFacts facts;
    private final DocumentTemplates templates;
    private final DocumentStore store;
    private final Signatures signatures;
    private final ApplicationEventPublisher events;
    private final DocumentRules rules;
    private final StaffNames names;

    /** The caller may not issue this kind on this case now (HTTP 403); nothing was stored. */
    public static class NotPermitted extends RuntimeException {
        private final transient FieldError error;

        NotPermitted(FieldError error) {
            super(error.message());
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }

    /** A request about a document that cannot be done as asked (HTTP 400 or 409, with the field); nothing changed. */
    public static class Refused extends RuntimeException {
        private final transient FieldError error;
        private final int status;

        Refused(int status, FieldError error) {
            super(error.message());
            this.status = status;
            this.error = error;
        }

        public FieldError error() {
            return error;
        }

        public int status() {
            return status;
        }
    }

    Documents(CaseRepository cases, CaseFacts facts, DocumentTemplates templates, DocumentStore store,
            Signatures signatures, ApplicationEventPublisher events, DocumentRules rules, StaffNames names) {
        this.rules = rules;
        this.names = names;
        this.cases = cases;
        this.facts = facts;
        this.templates = templates;
        this.store = store;
        this.signatures = signatures;
        this.events = events;
    }

    /** Called from BPMN: renders the document from the running process's variables and stores it. */
    public void issue(DelegateExecution execution, String kind) {
        Authentication auth = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String userId = auth == null ? SYSTEM : auth.getUserId();
        issue(execution.getProcessBusinessKey(), DocumentKind.valueOf(kind), execution.getVariables(), userId,
                execution.getCurrentActivityId(), null);
    }

    /**
     * The party's own application, as it is filed (online: {@code portal}; at the counter: the member of staff), from
     * everything the case's processes have recorded.
     */
    @Transactional
    public IssuedDocument issueApplication(String caseNumber, DocumentKind kind, String userId) {
        return issue(caseNumber, kind, facts.recordedVariables(caseNumber), userId, null, null);
    }

    /**
     * Issued by a member of staff from the documents page or the API: only a kind the rules let the caller issue on
     * the case now ({@link NotPermitted} otherwise, nothing stored). {@code replaces}: the voided document of the same
     * kind that this one corrects, or null.
     */
    @Transactional
    public IssuedDocument issueByStaff(Caller caller, DisputeCase c, DocumentKind kind, Long replaces) {
        if (!rules.mayIssue(caller, c, kind)) {
            throw new NotPermitted(FieldError.of("kind", "document.notPermitted", kind.title(), c.stage().label()));
        }
        if (replaces != null) {
            IssuedDocument old = store.find(c.caseNumber(), replaces).orElse(null);
            if (old == null || old.kind() != kind || !old.isVoided()) {
                throw new Refused(400, FieldError.of("replaces", "document.replaces", kind.title()));
            }
        }
        return issue(c.caseNumber(), kind, facts.recordedVariables(c.caseNumber()), caller.userId(), null, replaces);
    }

    /** The kinds the caller may issue on the case now: what the documents page offers. */
    public List<DocumentKind> issuable(Caller caller, DisputeCase c) {
        return rules.issuable(caller, c);
    }

    /**
     * Voids a document issued in error: its issuer or a supervisor of the case's organisation, with a reason. The
     * document stays as it was issued; the page, the timeline and its print say it is void.
     */
    @Transactional
    public IssuedDocument voidDocument(Caller caller, DisputeCase c, long id, String reason) {
        IssuedDocument d = store.find(c.caseNumber(), id)
                .orElseThrow(() -> new Refused(404, FieldError.of("id", "document.notFound")));
        if (!mayVoid(caller, c, d)) {
            throw new NotPermitted(FieldError.of("id", "document.void.notPermitted"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new Refused(400, FieldError.of("reason", "document.void.reason"));
        }
        if (signatures.signed(d.id())) {
            throw new Refused(409, FieldError.of("id", "document.void.signed", d.title()));
        }
        Instant now = EngineTime.now();
        if (!store.voidDocument(d.id(), caller.userId(), now, reason.trim())) {
            throw new Refused(409, FieldError.of("id", "document.void.already", d.title()));
        }
        cases.addEventAtCurrentStage(c.caseNumber(), "DOCUMENT_VOIDED",
                Texts.zh("document.void.event", names.of(caller.userId()), d.title(), d.id(), reason.trim()), now);
        events.publishEvent(new AuditApplicationEvent(caller.userId(), "DOCUMENT_VOIDED", Map.of("caseNumber",
                c.caseNumber(), "document", d.id(), "title", d.title(), "reason", reason.trim())));
        return store.find(c.caseNumber(), id).orElseThrow();
    }

    /** Whether the caller may void the document: its issuer, or a supervisor of the case's organisation. */
    public boolean mayVoid(Caller caller, DisputeCase c, IssuedDocument d) {
        return caller.userId().equals(d.createdBy()) || caller.supervises(c.orgCode());
    }

    /**
     * The document as it is shown and printed: exactly as issued, and, once voided, with a line at its head saying
     * so (who, when, why) — the stored content and its SHA-256 stay as they were.
     */
    public String printable(IssuedDocument d) {
        if (!d.isVoided()) {
            return d.content();
        }
        String banner = "<div class=\"voided\" style=\"border:2pt solid #b71c1c;color:#b71c1c;padding:4pt 8pt;"
                + "margin:0 0 10pt 0;font-weight:bold\">" + HtmlUtils.htmlEscape(Texts.zh("document.void.banner",
                Times.INSTANCE.minute(d.voided().at()), names.of(d.voided().by()), d.voided().reason())) + "</div>";
        Matcher body = BODY.matcher(d.content());
        return body.find() ? d.content().substring(0, body.end()) + banner + d.content().substring(body.end())
                : banner + d.content();
    }

    private static final Pattern BODY = Pattern.compile("<body[^>]*>");

    public List<IssuedDocument> list(String caseNumber) {
        return store.list(caseNumber);
    }

    public Optional<IssuedDocument> find(String caseNumber, long id) {
        return store.find(caseNumber, id);
    }

    private IssuedDocument issue(String caseNumber, DocumentKind kind, Map<String, Object> variables, String userId,
            String activityId, Long replaces) {
        DisputeCase c = cases.findByNumber(caseNumber)
                .orElseThrow(() -> new IllegalStateException("no case record for " + caseNumber));
        if (signatures.locked(c.id(), kind)) {
            throw new Signatures.DocumentLocked(kind.title());
        }
        String html = templates.render(kind, facts.model(c, variables, userId));
        Instant now = EngineTime.now();
        IssuedDocument draft = new IssuedDocument(0, caseNumber, kind, kind.title(), kind.template(),
                templates.version(kind), DocumentTemplates.sha256(html), activityId, userId, now, html, replaces, null);
        long id = store.insert(c.id(), draft);
        cases.addEventAtCurrentStage(caseNumber, "DOCUMENT_ISSUED", replaces == null
                ? Texts.zh("document.issued.event", kind.title(), id)
                : Texts.zh("document.issued.replacing", kind.title(), id, replaces), now);
        events.publishEvent(new DocumentIssued(caseNumber, id, kind, kind.title(), variables));
        return new IssuedDocument(id, caseNumber, kind, kind.title(), draft.template(), draft.templateVersion(),
                draft.sha256(), activityId, userId, now, html, replaces, null);
    }
}
