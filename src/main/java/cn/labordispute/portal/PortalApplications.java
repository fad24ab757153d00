package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.documents.DocumentKind;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.IssuedDocument;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.text.FieldError;
import cn.labordispute.intake.IntakeRequests;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.intake.InvalidApplicationException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An online application (网上申请, no account needed): checks every field and the evidence, verifies the applicant's
 * phone with its one-time code, then in one transaction opens the case at intake, stores the evidence and the hashed
 * access code and issues the application document (一键成稿). Any failure stores nothing.
 */
@Service
class PortalApplications {

    /** What the applicant gets back, once: the case number, the access code, the application document. */
    public record Submitted(String caseNumber, String accessCode, IssuedDocument application, Optional<FieldError> limitationWarning,
            boolean repeated) {
    }

    private static final Map<String, DocumentKind> APPLICATION_DOCUMENT = Map.of(
            "NEGOTIATION", DocumentKind.NEGOTIATION_REQUEST,
            "MEDIATION", DocumentKind.MEDIATION_APPLICATION,
            "ARBITRATION", DocumentKind.ARBITRATION_APPLICATION);
    static final String PORTAL_USER = "portal";

    private final IntakeService intake;
    private final CaseRepository cases;
    private final Documents documents;
    private final Evidence evidence;
    private final OneTimeCodes codes;
    private final RateLimits limits;
    private final LimitationCheck limitation;
    private final Notifications notifications;
    private final PortalProperties properties;
    private final JdbcClient jdbc;

    PortalApplications(IntakeService intake, CaseRepository cases, Documents documents, Evidence evidence,
            OneTimeCodes codes, RateLimits limits, LimitationCheck limitation, Notifications notifications,
            PortalProperties properties, JdbcClient jdbc) {
        this.intake = intake;
        this.cases = cases;
        this.documents = documents;
        this.evidence = evidence;
        this.codes = codes;
        this.limits = limits;
        this.limitation = limitation;
        this.notifications = notifications;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Transactional
    public Submitted apply(ApplyForm form, List<Evidence.Upload> uploads, String clientAddress, boolean english) {
        limits.take("apply:ip:" + clientAddress, properties.applicationsPerHour());
        List<FieldError> errors = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        CaseApplication application = application(form, errors, rows);
        try {
            intake.validate(application);
        } catch (InvalidApplicationException invalid) {
            invalid.errors().forEach(e -> errors.add(new FieldError(formField(e.field(), rows), e.message(), e.messageEn())));
        }
        String phone = form.applicantPhone();
        if (phone == null || !Phones.valid(phone)) {
            errors.add(FieldError.of("EMPLOYER".equals(form.applicantRole) ? "employerPhone" : "workerPhone",
                    "portal.apply.phone"));
        }
        LocalDate knewOn = pastDate(form.knewOn, "knewOn", errors);
        LocalDate endedOn = date(form.employmentEndedOn, "employmentEndedOn", errors);
        errors.addAll(IntakeRequests.check(form.requestKey));
        if (!errors.isEmpty()) {
            throw new PortalError(errors);
        }
        Optional<Submitted> before = submittedBefore(application, form.requestKey);
        if (before.isPresent()) {
            return before.get();
        }
        evidence.check(uploads);
        if (!codes.use(phone, OneTimeCodes.Purpose.APPLY, form.code)) {
            // a second tap that raced the first: the first used the code and has committed its case by now
            before = submittedBefore(application, form.requestKey);
            if (before.isPresent()) {
                return before.get();
            }
            throw PortalError.of("code", "portal.code.wrong");
        }
        String caseNumber = intake.openOnline(application, form.requestKey).caseNumber();
        DisputeCase c = cases.findByNumber(caseNumber).orElseThrow();
        String accessCode = grantAccess(c.id(), form.applicantRole, phone, english);
        int stored = evidence.store(c.id(), uploads, c.stage().name());
        boolean wageClaim = application.claims().stream().anyMatch(k -> LimitationCheck.wageClaim(k.causeCode()));
        Optional<FieldError> warning = limitation.warning(knewOn, EngineTime.today(), form.stillEmployed, wageClaim, endedOn,
                reason(form.limitationReason));
        warning.ifPresent(w -> cases.addEventAtCurrentStage(caseNumber, "LIMITATION_WARNING", w.message(),
                EngineTime.now()));
        if (stored > 0) {
            cases.addEventAtCurrentStage(caseNumber, "EVIDENCE_ADDED", "申请人网上提交证据 " + stored + " 份", EngineTime.now());
        }
        IssuedDocument document = documents.issueApplication(caseNumber, APPLICATION_DOCUMENT.get(application.requestedProcedure()),
                PORTAL_USER);
        notifications.notify(caseNumber, "SUBMITTED", "notice.SUBMITTED", caseNumber);
        return new Submitted(caseNumber, accessCode, document, warning, false);
    }

    /**
     * The applicant's access to 我的申请: a new access code (returned once, stored hashed) for the case and the
     * applicant's phone, in the language the applicant reads.
     */
    String grantAccess(long caseId, String applicantRole, String phone, boolean english) {
        String accessCode = Secrets.accessCode();
        jdbc.sql("INSERT INTO pt_access (case_id, applicant_role, phone, code_hash, language, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(caseId, applicantRole, Phones.normalise(phone), Secrets.hash(accessCode), english ? "en" : "zh",
                        Timestamp.from(EngineTime.now()))
                .update();
        return accessCode;
    }

    /** The document that records an application in writing, by the procedure applied for. */
    static DocumentKind applicationDocument(String procedure) {
        return APPLICATION_DOCUMENT.get(procedure);
    }

    /** This form was submitted already: its case, not a second one. */
    private Optional<Submitted> submittedBefore(CaseApplication application, String requestKey) {
        return intake.openedOnlineBefore(application, requestKey).map(caseNumber -> new Submitted(caseNumber, null,
                documents.list(caseNumber).stream().findFirst().orElse(null), Optional.empty(), true));
    }

    static CaseApplication application(ApplyForm f, List<FieldError> errors, List<Integer> rows) {
        List<CaseApplication.ClaimItem> claims = new ArrayList<>();
        for (int i = 0; i < f.claimCause.size(); i++) {
            String cause = f.claimCause.get(i);
            String amountText = i < f.claimAmount.size() ? f.claimAmount.get(i) : null;
            String description = i < f.claimDescription.size() ? blankToNull(f.claimDescription.get(i)) : null;
            if (cause == null || cause.isBlank()) {
                if (amountText != null && !amountText.isBlank() || description != null) {
                    errors.add(FieldError.of("claimCause[" + i + "]", "portal.claim.cause"));
                }
                continue;
            }
            BigDecimal amount = BigDecimal.ZERO;
            if (amountText != null && !amountText.isBlank()) {
                try {
                    amount = new BigDecimal(amountText.trim().replace(",", ""));
                } catch (NumberFormatException e) {
                    errors.add(FieldError.of("claimAmount[" + i + "]", "portal.claim.amount"));
                    continue;
                }
            }
            claims.add(new CaseApplication.ClaimItem(cause, description, amount));
            rows.add(i);
        }
        return new CaseApplication(f.organisation, f.procedure, f.summary, null,
                List.of(new CaseApplication.Worker(trim(f.workerName), f.workerIdType, f.workerIdNumber, f.workerPhone,
                        trim(f.workerAddress), f.migrantWorker)),
                new CaseApplication.Employer(trim(f.employerName), f.employerCreditCode, blankToNull(f.employerPhone),
                        trim(f.employerAddress)),
                claims);
    }

    private static final Pattern CLAIM_FIELD = Pattern.compile("claims\\[(\\d+)]\\.(\\w+)");

    /**
     * The form's name for a field the intake validator names: workers[0].idNumber → workerIdNumber, claims[1].amount →
     * claimAmount[row of the second claim] (blank rows are skipped, so the rows are given).
     */
    static String formField(String field, List<Integer> rows) {
        if (field.startsWith("workers[0].")) {
            String rest = field.substring("workers[0].".length());
            return "worker" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        if (field.startsWith("employer.")) {
            String rest = field.substring("employer.".length());
            return "employer" + Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        Matcher claim = CLAIM_FIELD.matcher(field);
        if (claim.matches()) {
            int index = Integer.parseInt(claim.group(1));
            int row = index < rows.size() ? rows.get(index) : index;
            return switch (claim.group(2)) {
                case "causeCode" -> "claimCause";
                case "amount" -> "claimAmount";
                default -> "claimDescription";
            } + "[" + row + "]";
        }
        return switch (field) {
            case "requestedProcedure" -> "procedure";
            case "claims" -> "claimCause[0]";
            case "workers" -> "workerName";
            default -> field;
        };
    }

    /** A date the party gives for something that has happened: malformed or after today is named. */
    static LocalDate pastDate(String text, String field, List<FieldError> errors) {
        LocalDate day = date(text, field, errors);
        if (day != null && day.isAfter(EngineTime.today())) {
            errors.add(FieldError.of(field, "portal.date.future"));
        }
        return day;
    }

    static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "api.date.malformed"));
            return null;
        }
    }

    static LimitationCheck.Reason reason(String text) {
        try {
            return text == null ? LimitationCheck.Reason.NONE : LimitationCheck.Reason.valueOf(text);
        } catch (IllegalArgumentException e) {
            return LimitationCheck.Reason.NONE;
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
