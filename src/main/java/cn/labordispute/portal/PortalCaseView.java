package cn.labordispute.portal;

import cn.labordispute.cases.CaseActions;
import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.CaseEvent;
import cn.labordispute.cases.CaseOutcomes;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.documents.DocumentKind;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.IssuedDocument;
import cn.labordispute.documents.Signatures;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import cn.labordispute.text.Texts;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What "我的申请" shows a party: their case as they need to see it, other people's identity numbers masked. */
@Component
class PortalCaseView {

    public record ClaimRow(String cause, String description, BigDecimal amount) {
    }

    public record PartyRow(String role, String name, String maskedId) {
    }

    public record Summary(String caseNumber, String organisation, String stage, LocalDate receivedOn) {
    }

    public record View(String caseNumber, String organisation, String stage, boolean open, String outcome, LocalDate receivedOn,
            String handler, List<NextSteps.Step> steps, List<CaseEvent> events, List<IssuedDocument> documents,
            List<ClaimRow> claims, Instant claimsConfirmedAt, boolean claimsToConfirm, List<Evidence.Item> evidence,
            List<PartyRow> parties, IssuedDocument toSign, List<Signatures.Signature> signatures, boolean survey,
            String phone) {
    }

    private final CaseRepository cases;
    private final CaseCauses causes;
    private final Organisations organisations;
    private final Documents documents;
    private final Signatures signatures;
    private final Evidence evidence;
    private final NextSteps nextSteps;
    private final CaseActions actions;

    PortalCaseView(CaseRepository cases, CaseCauses causes, Organisations organisations, Documents documents,
            Signatures signatures, Evidence evidence, NextSteps nextSteps, CaseActions actions) {
        this.cases = cases;
        this.causes = causes;
        this.organisations = organisations;
        this.documents = documents;
        this.signatures = signatures;
        this.evidence = evidence;
        this.nextSteps = nextSteps;
        this.actions = actions;
    }

    @Transactional(readOnly = true)
    public View of(PortalAccess.Access access, Locale locale) {
        DisputeCase c = cases.findByNumber(access.caseNumber()).orElseThrow();
        String org = organisations.find(c.orgCode()).map(Organisation::name).orElse(c.orgCode());
        List<NextSteps.Step> steps = nextSteps.of(c.caseNumber(), org, locale);
        String handler = steps.stream().map(NextSteps.Step::handler).filter(Objects::nonNull).findFirst().orElse(null);
        List<IssuedDocument> issued = documents.list(c.caseNumber());
        Set<String> waiting = actions.waitingMessages(c.caseNumber());
        IssuedDocument toSign = null;
        if (waiting.contains(CaseActions.AGREEMENT_SIGNED)) {
            toSign = issued.stream().filter(d -> d.kind() == DocumentKind.MEDIATION_AGREEMENT).reduce((a, b) -> b)
                    .orElse(null);
        }
        boolean english = "en".equals(locale.getLanguage());
        return new View(c.caseNumber(), org, stage(c, english), DisputeCase.OPEN.equals(c.status()),
                c.outcome() == null ? null : english ? Texts.enOr("case.outcome." + c.outcome(), CaseOutcomes.label(c.outcome()))
                        : CaseOutcomes.label(c.outcome()), c.receivedOn(), handler, steps,
                cases.events(c.id()), issued,
                cases.claims(c.id()).stream().map(k -> new ClaimRow(
                        causes.find(k.causeCode()).map(english ? CaseCause::nameEn : CaseCause::name).orElse(k.causeCode()),
                        k.description(), k.amount()))
                        .toList(),
                cases.claimsConfirmedAt(c.id()).orElse(null),
                waiting.contains(CaseActions.CLAIMS_CONFIRMED), evidence.list(c.id()),
                cases.parties(c.id()).stream().map(p -> new PartyRow(p.role().name(), p.name(), p.maskedIdNumber()))
                        .toList(),
                toSign, signatures.of(c.caseNumber()), waiting.contains(CaseActions.SURVEY_ANSWERED),
                Phones.masked(access.phone()));
    }

    Summary summary(String caseNumber, boolean english) {
        DisputeCase c = cases.findByNumber(caseNumber).orElseThrow();
        return new Summary(c.caseNumber(), organisations.find(c.orgCode()).map(Organisation::name).orElse(c.orgCode()),
                stage(c, english), c.receivedOn());
    }

    /** The stage in the reader's language (case.stage.* in the bundles for English). */
    private static String stage(DisputeCase c, boolean english) {
        return english ? Texts.enOr("case.stage." + c.stage().name(), c.stage().label()) : c.stage().label();
    }
}
