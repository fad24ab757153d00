package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseActions;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.cases.Party;
import cn.labordispute.documents.DocumentKind;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.IssuedDocument;
import cn.labordispute.documents.Signatures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a party does on their case from the portal, each sent into the running process as a message: answer the
 * restated claims (明确请求), add evidence, withdraw (撤回), ask for legal aid, sign the mediation agreement with a fresh
 * one-time code, answer the return-visit survey. An action the case is not waiting for is refused and changes nothing.
 */
@Service
class PartyActions {

    private final CaseRepository cases;
    private final CaseActions actions;
    private final Evidence evidence;
    private final Documents documents;
    private final Signatures signatures;
    private final OneTimeCodes codes;

    PartyActions(CaseRepository cases, CaseActions actions, Evidence evidence, Documents documents,
            Signatures signatures, OneTimeCodes codes) {
        this.cases = cases;
        this.actions = actions;
        this.evidence = evidence;
        this.documents = documents;
        this.signatures = signatures;
        this.codes = codes;
    }

    @Transactional
    public void answerClaims(PortalAccess.Access access, boolean confirmed, String note) {
        if (!confirmed && (note == null || note.isBlank())) {
            throw PortalError.of("note", "portal.claims.note");
        }
        if (note != null && note.length() > 1000) {
            throw PortalError.of("note", "portal.note.tooLong");
        }
        if (!actions.answerClaims(record(access), confirmed, note)) {
            throw notWaiting();
        }
    }

    @Transactional
    public int addEvidence(PortalAccess.Access access, List<Evidence.Upload> uploads) {
        if (uploads.isEmpty()) {
            throw PortalError.of("evidence", "portal.evidence.none");
        }
        DisputeCase c = record(access);
        int stored = evidence.store(c.id(), uploads, c.stage().name());
        if (stored > 0) {
            cases.addEventAtCurrentStage(c.caseNumber(), "EVIDENCE_ADDED", "申请人网上补充证据 " + stored + " 份",
                    EngineTime.now());
        }
        return stored;
    }

    @Transactional
    public void withdraw(PortalAccess.Access access, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw PortalError.of("reason", "portal.withdraw.reason");
        }
        if (!actions.withdraw(record(access), reason.trim())) {
            throw notWaiting();
        }
    }

    @Transactional
    public void requestLegalAid(PortalAccess.Access access, String note) {
        DisputeCase c = record(access);
        if (!actions.requestLegalAid(c)) {
            throw notWaiting();
        }
        cases.addEventAtCurrentStage(c.caseNumber(), "LEGAL_AID", "申请人网上申请法律援助"
                + (note == null || note.isBlank() ? "" : "：" + note.trim()), EngineTime.now());
    }

    /** The agreement the applicant may sign now: the newest mediation agreement, while the mediation waits for it. */
    public IssuedDocument signable(PortalAccess.Access access) {
        return documents.list(access.caseNumber()).stream().filter(d -> d.kind() == DocumentKind.MEDIATION_AGREEMENT)
                .reduce((a, b) -> b).orElseThrow(PartyActions::notWaiting);
    }

    @Transactional
    public void sign(PortalAccess.Access access, long documentId, String code) {
        IssuedDocument document = signable(access);
        if (document.id() != documentId) {
            throw PortalError.of("document", "portal.sign.notNewest");
        }
        if (!codes.use(access.phone(), OneTimeCodes.Purpose.SIGN, code)) {
            throw PortalError.of("code", "portal.code.wrong");
        }
        DisputeCase c = record(access);
        String name = cases.parties(c.id()).stream()
                .filter(p -> p.role().name().equals(access.applicantRole())).map(Party::name).findFirst().orElse("申请人");
        if (!actions.sendToWaiting(c, CaseActions.AGREEMENT_SIGNED, Map.of("agreementSignedOnline", true))) {
            throw notWaiting();
        }
        if (!signatures.sign(document, c.id(), access.applicantRole(), name, access.phone())) {
            throw PortalError.of("document", "portal.sign.already");
        }
        cases.addEventAtCurrentStage(c.caseNumber(), "SIGNED", name + " 在线签署调解协议书（文书 " + document.id()
                + "，SHA-256 " + document.sha256().substring(0, 12) + "…）", EngineTime.now());
    }

    @Transactional
    public void answerSurvey(PortalAccess.Access access, Survey survey) {
        if (survey.satisfaction() < 1 || survey.satisfaction() > 5) {
            throw PortalError.of("satisfaction", "portal.survey.satisfaction");
        }
        Map<String, Object> v = new HashMap<>();
        v.put("satisfaction", String.valueOf(survey.satisfaction()));
        v.put("agreementHonoured", survey.honoured());
        v.put("disputeRecurred", survey.recurred());
        v.put("needsCounselling", survey.counselling());
        v.put("needsJobReferral", survey.jobReferral());
        v.put("needsHardshipAid", survey.hardshipAid());
        v.put("visitNote", "当事人网上答复：" + (survey.note() == null ? "" : survey.note().trim()));
        if (!actions.sendToWaiting(record(access), CaseActions.SURVEY_ANSWERED, v)) {
            throw notWaiting();
        }
    }

    /** The return-visit survey as the party answers it. */
    record Survey(int satisfaction, boolean honoured, boolean recurred, boolean counselling, boolean jobReferral,
            boolean hardshipAid, String note) {
    }

    private DisputeCase record(PortalAccess.Access access) {
        return cases.findByNumber(access.caseNumber()).orElseThrow();
    }

    private static PortalError notWaiting() {
        return PortalError.of("action", "portal.notWaiting");
    }
}
