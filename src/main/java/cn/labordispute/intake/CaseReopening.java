package cn.labordispute.intake;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.Claim;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.cases.Party;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A dispute that comes back after the case closed (found at the return visit) is opened again as a linked case at
 * mediation, with the same parties and claims, collected once and used again; both timelines name the other case.
 */
@Component("caseReopening")
public class CaseReopening {

    private final CaseRepository cases;
    private final IntakeService intake;

    CaseReopening(CaseRepository cases, IntakeService intake) {
        this.cases = cases;
        this.intake = intake;
    }

    /** Called from the follow-up process; sets {@code reopenedCaseNumber}. */
    public void reopen(DelegateExecution execution) {
        String closed = execution.getProcessBusinessKey();
        DisputeCase c = cases.findByNumber(closed).orElseThrow(() -> new IllegalStateException("no case " + closed));
        List<Party> parties = cases.parties(c.id());
        Party employer = parties.stream().filter(p -> p.role() == Party.Role.EMPLOYER).findFirst().orElseThrow();
        Object note = execution.getVariable("visitNote");
        String summary = "纠纷复发（原案 " + closed + " 回访发现" + (note == null ? "" : "：" + note) + "）。原案事实与理由："
                + c.summary();
        CaseApplication application = new CaseApplication(c.orgCode(), "MEDIATION",
                summary.length() > 4000 ? summary.substring(0, 4000) : summary, EngineTime.today(),
                parties.stream().filter(p -> p.role() == Party.Role.WORKER)
                        .map(p -> new CaseApplication.Worker(p.name(), p.idType(), p.idNumber(), p.phone(), p.address(),
                                p.migrantWorker()))
                        .toList(),
                new CaseApplication.Employer(employer.name(), employer.idNumber(), employer.phone(), employer.address()),
                cases.claims(c.id()).stream()
                        .map((Claim k) -> new CaseApplication.ClaimItem(k.causeCode(), k.description(), k.amount()))
                        .toList());
        String reopened = intake.open(application);
        cases.addEventAtCurrentStage(closed, "REOPENED", "回访发现纠纷复发，另立新案 " + reopened, EngineTime.now());
        cases.addEventAtCurrentStage(reopened, "REOPENED", "由已结案件 " + closed + " 回访发现纠纷复发而立案", EngineTime.now());
        execution.setVariable("reopenedCaseNumber", reopened);
    }
}
