package cn.labordispute.intake;

import cn.labordispute.text.FieldError;
import cn.labordispute.cases.CaseCause;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.cases.CaseNumbers;
import cn.labordispute.cases.CaseOpened;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.CaseStage;
import cn.labordispute.cases.Claim;
import cn.labordispute.cases.TaskSearchText;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.security.Organisation;
import cn.labordispute.security.Organisations;
import cn.labordispute.cases.Party;
import cn.labordispute.calendar.EngineTime;
import cn.labordispute.security.Caller;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case: validates the application, gives it the next case number, stores it and starts the main process
 * with the case number as business key, all in one transaction: a failure anywhere stores nothing.
 */
@Service
public class IntakeService {

    public static final String MAIN_PROCESS = "labor_dispute_case";
    /** LDMAL art.7: ten or more workers with a common request make a collective dispute. */
    public static final int COLLECTIVE_THRESHOLD = 10;
    /** applicationChannel: filed at the window (一窗受理) or online through the portal. */
    public static final String WINDOW = "WINDOW";
    public static final String PORTAL = "PORTAL";
    /** An oral application staff record at the window; the applicant then checks and signs the record. */
    public static final String ORAL = "ORAL";

    /**
     * What intake answers: the case number; whether it is the earlier answer to a repeated request (same key, same
     * application); and the open case this one seems to repeat, if any (flagged to staff, not refused).
     */
    public record Opened(String caseNumber, boolean repeated, String possibleDuplicateOf) {
    }

    private final ApplicationValidator validator;
    private final Organisations organisations;
    private final CaseNumbers numbers;
    private final CaseRepository cases;
    private final CaseCauses causes;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final IntakeRequests requests;
    private final EmployerLocks employers;
    private final Duration duplicateWindow;

    IntakeService(ApplicationValidator validator, Organisations organisations, CaseNumbers numbers,
            CaseRepository cases, CaseCauses causes, RuntimeService runtime, ApplicationEventPublisher events,
            IntakeRequests requests, EmployerLocks employers,
            @Value("${dispute.intake.duplicate-window:PT24H}") Duration duplicateWindow) {
        this.validator = validator;
        this.organisations = organisations;
        this.numbers = numbers;
        this.cases = cases;
        this.causes = causes;
        this.runtime = runtime;
        this.events = events;
        this.requests = requests;
        this.employers = employers;
        this.duplicateWindow = duplicateWindow;
    }

    /**
     * Opens the case for a member of staff and returns its number. Throws {@link InvalidApplicationException} if the
     * application is invalid and {@link NotPermittedException} if the caller does not act for its organisation; in
     * either case nothing is stored.
     */
    @Transactional
    public String open(CaseApplication application, Caller caller) {
        return open(application, caller, null).caseNumber();
    }

    /**
     * As {@link #open(CaseApplication, Caller)}, idempotent under the caller's request key (null: none): a repeat of
     * the same application with the key answers the first case again; another application with the key is refused
     * ({@link IntakeRequests.KeyReused}).
     */
    @Transactional
    public Opened open(CaseApplication application, Caller caller, String requestKey) {
        validate(application);
        if (!caller.mayActFor(application.organisation())) {
            throw new NotPermittedException("organisation");
        }
        return keyed(caller.userId(), requestKey, application,
                () -> store(application, Boolean.TRUE.equals(application.oral()) ? ORAL : WINDOW, caller.userId()));
    }

    /** Opens the case on the system's own authority (demo data). */
    @Transactional
    public String open(CaseApplication application) {
        validate(application);
        return store(application, WINDOW, null).caseNumber();
    }

    /**
     * Opens a case a party filed online: the claims are the applicant's own words, so staff restate them (明确请求)
     * for the applicant to confirm before the case goes on. Idempotent under the form's request key (null: none).
     */
    @Transactional
    public Opened openOnline(CaseApplication application, String requestKey) {
        validate(application);
        return keyed(ONLINE_SCOPE, requestKey, application, () -> store(application, PORTAL, null));
    }

    /** The request-key scope of online applications (staff keys are scoped by the member of staff). */
    static final String ONLINE_SCOPE = "portal";

    /** The case an online application with this key already opened, if any ({@link IntakeRequests.KeyReused}). */
    public Optional<String> openedOnlineBefore(CaseApplication application, String requestKey) {
        return requestKey == null ? Optional.empty()
                : requests.earlier(ONLINE_SCOPE, requestKey, requests.fingerprint(application));
    }

    private Opened keyed(String scope, String key, CaseApplication application, Supplier<Opened> open) {
        if (key == null) {
            return open.get();
        }
        employers.lock(application.employer().creditCode()); // a parallel repeat waits here, then finds the answer
        String fingerprint = requests.fingerprint(application);
        Optional<String> earlier = requests.earlier(scope, key, fingerprint);
        if (earlier.isPresent()) {
            long id = cases.findByNumber(earlier.get()).orElseThrow().id();
            return new Opened(earlier.get(), true, cases.possibleDuplicateOf(id).orElse(null));
        }
        Opened opened = open.get();
        requests.remember(scope, key, fingerprint, opened.caseNumber());
        return opened;
    }

    /** Checks an application without storing anything; throws {@link InvalidApplicationException} naming each field. */
    public void validate(CaseApplication application) {
        List<FieldError> errors = validator.validate(application);
        if (!errors.isEmpty()) {
            throw new InvalidApplicationException(errors);
        }
    }

    private Opened store(CaseApplication application, String channel, String firstResponder) {
        Organisation org = organisations.find(application.organisation()).orElseThrow();
        employers.lock(application.employer().creditCode());
        Instant now = EngineTime.now();
        LocalDate receivedOn = application.receivedOn() != null ? application.receivedOn() : EngineTime.today();
        String caseNumber = numbers.next(org, receivedOn.getYear());
        boolean collective = application.workers().size() >= COLLECTIVE_THRESHOLD;

        List<Party> parties = new ArrayList<>();
        for (CaseApplication.Worker w : application.workers()) {
            parties.add(new Party(Party.Role.WORKER, w.name().trim(), w.idType(), w.idNumber(), w.phone(), w.address(),
                    Boolean.TRUE.equals(w.migrantWorker()), w.amount(), false, null));
        }
        CaseApplication.Employer e = application.employer();
        parties.add(new Party(Party.Role.EMPLOYER, e.name().trim(), "USCC", e.creditCode(), e.phone(), e.address(),
                false));
        List<Claim> claims = application.claims().stream()
                .map(c -> new Claim(c.causeCode(), c.description(), c.amount().setScale(2, RoundingMode.UNNECESSARY)))
                .toList();

        DisputeCase record = new DisputeCase(0, caseNumber, org.code(), application.requestedProcedure(), collective,
                application.summary().trim(), receivedOn, CaseStage.INTAKE, DisputeCase.OPEN, null, null, now, now,
                null);
        long caseId = cases.insert(record, parties, claims);
        if (firstResponder != null) {
            cases.assignFirstResponder(caseId, firstResponder);
        }
        cases.addEvent(caseNumber, "OPENED", CaseStage.INTAKE, "一窗受理登记，案号 " + caseNumber, now);
        String duplicateOf = earlierSame(caseId, parties, claims, now).orElse(null);
        if (duplicateOf != null) {
            cases.markPossibleDuplicate(caseId, duplicateOf);
            cases.addEvent(caseNumber, "POSSIBLE_DUPLICATE", CaseStage.INTAKE, "可能重复申请：与 " + duplicateOf
                    + " 的申请人、用人单位和请求事项相同，请核实后决定合并、撤回或继续办理", now);
        }

        ProcessInstance instance = runtime.startProcessInstanceByKey(MAIN_PROCESS, caseNumber,
                processVariables(caseNumber, caseId, org, application, receivedOn, collective, claims, channel,
                        firstResponder));
        cases.linkProcessInstance(caseId, instance.getId());
        events.publishEvent(new CaseOpened(caseNumber, org.code(), e.name().trim(), e.creditCode(), application.workers().size(),
                claims.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add), collective,
                parties.stream().anyMatch(Party::migrantWorker)));
        return new Opened(caseNumber, false, duplicateOf);
    }

    /**
     * An open case received within the duplicate window with the same first applicant, the same employer and the
     * same claims (cause and amount): the newest such case, if any. Each case keeps the fingerprint of these, so the
     * look-up is one indexed query however many cases the worker and employer have. Intakes against the employer are
     * serialised ({@link EmployerLocks}), so a double submission sees the first.
     */
    private Optional<String> earlierSame(long caseId, List<Party> parties, List<Claim> claims, Instant now) {
        String fingerprint = fingerprint(parties.get(0).idNumber(), parties.get(parties.size() - 1).idNumber(), claims);
        cases.recordFingerprint(caseId, fingerprint);
        return cases.openCaseWithFingerprint(fingerprint, now.minus(duplicateWindow), caseId);
    }

    private static String fingerprint(String applicant, String employer, List<Claim> claims) {
        String text = applicant + "|" + employer + "|" + String.join(";", claims.stream()
                .map(c -> c.causeCode() + ":" + c.amount().setScale(2, RoundingMode.HALF_UP).toPlainString()).sorted().toList());
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The variables every case starts with; the model check lets any step read them. */
    public static final Set<String> CASE_VARIABLES = Set.of("caseNumber", "caseId", "organisation", "requestedProcedure",
            "applicationReceivedOn", "applicationChannel", "collective", "workerCount", "migrantWorker", "wageArrears",
            "paymentOrderEligible", "totalClaimAmount", "firstResponder", "applicantNames", "employerName", "mainCause",
            "claimedTotal", "caseMarks", TaskSearchText.VARIABLE);

    /**
     * What a task card in the Tasklist shows of its case (the filters' card variables), so that a mediator tells the
     * cards apart: who applies (刘小雨等2人), against whom, the main claim, the amount and the marks (集体, 农民工).
     */
    private void cardVariables(Map<String, Object> v, CaseApplication application, List<Claim> claims, BigDecimal total,
            boolean collective) {
        List<CaseApplication.Worker> workers = application.workers();
        v.put("applicantNames", workers.get(0).name().trim() + (workers.size() > 1 ? "等" + workers.size() + "人" : ""));
        v.put("employerName", application.employer().name().trim());
        Claim main = claims.stream().max(java.util.Comparator.comparing(Claim::amount)).orElseThrow();
        v.put("mainCause", causes.find(main.causeCode()).map(CaseCause::name).orElse(main.causeCode())
                + (claims.size() > 1 ? "等" + claims.size() + "项" : ""));
        v.put("claimedTotal", new java.text.DecimalFormat("#,##0.00").format(total) + " 元");
        List<String> marks = new ArrayList<>();
        if (collective) {
            marks.add("集体");
        }
        if (workers.stream().anyMatch(w -> Boolean.TRUE.equals(w.migrantWorker()))) {
            marks.add("农民工");
        }
        v.put("caseMarks", marks.isEmpty() ? "—" : String.join(" · ", marks));
        v.put(TaskSearchText.VARIABLE, TaskSearchText.of((String) v.get("caseNumber"),
                workers.stream().map(w -> w.name().trim()).toList(), application.employer().name().trim()));
    }

    private Map<String, Object> processVariables(String caseNumber, long caseId, Organisation org,
            CaseApplication application, LocalDate receivedOn, boolean collective, List<Claim> claims, String channel,
            String firstResponder) {
        Map<String, Object> v = new HashMap<>();
        v.put("caseNumber", caseNumber);
        v.put("caseId", caseId);
        v.put("organisation", org.code());
        v.put("requestedProcedure", application.requestedProcedure());
        v.put("applicationChannel", channel);
        v.put("firstResponder", firstResponder);
        v.put("applicationReceivedOn", receivedOn.toString());
        v.put("collective", collective);
        v.put("workerCount", application.workers().size());
        v.put("migrantWorker", application.workers().stream().anyMatch(w -> Boolean.TRUE.equals(w.migrantWorker())));
        v.put("wageArrears", claims.stream().anyMatch(c -> c.causeCode().startsWith("PAY")));
        v.put("paymentOrderEligible", claims.stream()
                .anyMatch(c -> causes.find(c.causeCode()).map(CaseCause::paymentOrderEligible).orElse(false)));
        BigDecimal total = claims.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        v.put("totalClaimAmount", total.toPlainString());
        cardVariables(v, application, claims, total, collective);
        if (!v.keySet().equals(CASE_VARIABLES)) {
            throw new IllegalStateException("CASE_VARIABLES must list the variables a case starts with: " + v.keySet());
        }
        return v;
    }
}
