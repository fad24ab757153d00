package cn.labordispute.documents;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import java.time.Instant;
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
 * transaction; staff issue any other from the case's documents page. Each issue stores the rendered XHTML, the
 * template's version, the SHA-256 of the content, who and when, and notes it in the case's timeline.
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

    Documents(CaseRepository cases, CaseFacts facts, DocumentTemplates templates, DocumentStore store,
            Signatures signatures, ApplicationEventPublisher events) {
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
                execution.getCurrentActivityId());
    }

    /** Issued by a member of staff from the documents page, from everything the case's processes have recorded. */
    @Transactional
    public IssuedDocument generate(String caseNumber, DocumentKind kind, String userId) {
        return issue(caseNumber, kind, facts.recordedVariables(caseNumber), userId, null);
    }

    public List<IssuedDocument> list(String caseNumber) {
        return store.list(caseNumber);
    }

    public Optional<IssuedDocument> find(String caseNumber, long id) {
        return store.find(caseNumber, id);
    }

    private IssuedDocument issue(String caseNumber, DocumentKind kind, Map<String, Object> variables, String userId,
            String activityId) {
        DisputeCase c = cases.findByNumber(caseNumber)
                .orElseThrow(() -> new IllegalStateException("no case record for " + caseNumber));
        if (signatures.locked(c.id(), kind)) {
            throw new Signatures.DocumentLocked(kind.title());
        }
        String html = templates.render(kind, facts.model(c, variables, userId));
        Instant now = EngineTime.now();
        IssuedDocument draft = new IssuedDocument(0, caseNumber, kind, kind.title(), kind.template(),
                templates.version(kind), DocumentTemplates.sha256(html), activityId, userId, now, html);
        long id = store.insert(c.id(), draft);
        cases.addEventAtCurrentStage(caseNumber, "DOCUMENT_ISSUED", kind.title() + "（文书 " + id + "）", now);
        events.publishEvent(new DocumentIssued(caseNumber, id, kind, kind.title(), variables));
        return new IssuedDocument(id, caseNumber, kind, kind.title(), draft.template(), draft.templateVersion(),
                draft.sha256(), activityId, userId, now, html);
    }
}
