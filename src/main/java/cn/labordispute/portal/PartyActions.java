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
            throw new PortalError("note", "请写明需要更正的内容 / say what should be corrected");
        }
        if (note != null && note.length() > 1000) {
            throw new PortalError("note", "说明不得超过1000字 / at most 1000 characters");
        }
        if (!actions.answerClaims(record(access), confirmed, note)) {
            throw notWaiting();
        }
    }

    @Transactional
    public int addEvidence(PortalAccess.Access access, List<Evidence.Upload> uploads) {
        if (uploads.isEmpty()) {
            throw new PortalError("evidence", "请选择要上传的文件 / choose the files to upload");
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
            throw new PortalError("reason", "请写明撤回理由（1000字以内） / give the reason for withdrawing (at most 1000)");
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
            throw new PortalError("document", "只能签署最新的调解协议书 / only the newest agreement can be signed");
        }
        if (!codes.use(access.phone(), OneTimeCodes.Purpose.SIGN, code)) {
            throw new PortalError("code", "验证码错误或已过期，请重新获取 / the code is wrong or has expired: ask for a new one");
        }
        DisputeCase c = record(access);
        String name = cases.parties(c.id()).stream()
                .filter(p -> p.role().name().equals(access.applicantRole())).map(Party::name).findFirst().orElse("申请人");
        if (!actions.sendToWaiting(c, CaseActions.AGREEMENT_SIGNED, Map.of("agreementSignedOnline", true))) {
            throw notWaiting();
        }
        if (!signatures.sign(document, c.id(), access.applicantRole(), name, access.phone())) {
            throw new PortalError("document", "您已签署过这份协议书 / you have already signed this agreement");
        }
        cases.addEventAtCurrentStage(c.caseNumber(), "SIGNED", name + " 在线签署调解协议书（文书 " + document.id()
                + "，SHA-256 " + document.sha256().substring(0, 12) + "…）", EngineTime.now());
    }

    @Transactional
    public void answerSurvey(PortalAccess.Access access, Survey survey) {
        if (survey.satisfaction() < 1 || survey.satisfaction() > 5) {
            throw new PortalError("satisfaction", "请选择满意度 / choose how satisfied you are");
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
        return new PortalError("action", "案件当前不在这一步，无法办理；请刷新页面查看最新进度 / the case is not at this step now: "
                + "reload the page to see where it is");
    }
}
