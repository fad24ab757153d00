package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseRepository;
import cn.labordispute.cases.DisputeCase;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.IssuedDocument;
import cn.labordispute.intake.CaseApplication;
import cn.labordispute.intake.IntakeRequests;
import cn.labordispute.intake.IntakeService;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Caller;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 一窗受理: a walk-in, telephone or posted application registered by staff at the service window with the portal's
 * fields and checks. The person who registers it is its first responder (首问负责). An oral or telephone
 * application gets the 口头申请笔录 the model issues for the applicant to check and sign; a written one its
 * application document. The applicant gets an access code for 我的申请 when a phone is given, and a receipt (受理回执)
 * saying what happens next and by when. Any failure stores nothing.
 */
@Service
public class CounterIntake {

    /** How the application reached the window. */
    public enum Channel {
        WRITTEN("书面申请（窗口递交或邮寄）", false), ORAL("口头申请（当场记录）", true), PHONE("电话申请（记录后请申请人核对签名）", true);

        private final String label;
        private final boolean oral;

        Channel(String label, boolean oral) {
            this.label = label;
            this.oral = oral;
        }

        public String label() {
            return label;
        }

        public boolean oral() {
            return oral;
        }
    }

    /** What the window hands over: the case, the access code (once), what happens next and by when, the documents. */
    public record Receipt(String caseNumber, String accessCode, String phone, Channel channel, LocalDate receivedOn,
            String nextStep, Instant nextDue, String firstResponder, List<IssuedDocument> documents, boolean repeated,
            Optional<FieldError> limitationWarning) {
    }

    private final IntakeService intake;
    private final CaseRepository cases;
    private final Documents documents;
    private final Evidence evidence;
    private final PortalApplications applications;
    private final LimitationCheck limitation;
    private final TaskService tasks;

    CounterIntake(IntakeService intake, CaseRepository cases, Documents documents, Evidence evidence,
            PortalApplications applications, LimitationCheck limitation, TaskService tasks) {
        this.intake = intake;
        this.cases = cases;
        this.documents = documents;
        this.evidence = evidence;
        this.applications = applications;
        this.limitation = limitation;
        this.tasks = tasks;
    }

    /**
     * Registers the application. {@code otherWorkers}: one more worker per line ("姓名 证件号码"), for a dispute of
     * several workers. Bad input: {@link PortalError} naming each field, nothing stored.
     */
    @Transactional
    public Receipt register(ApplyForm form, String channelName, String receivedOnText, String otherWorkers,
            List<Evidence.Upload> uploads, Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        Channel channel = null;
        try {
            channel = Channel.valueOf(channelName == null ? "" : channelName);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("channel", "counter.channel"));
        }
        LocalDate receivedOn = EngineTime.today();
        if (receivedOnText != null && !receivedOnText.isBlank()) {
            try {
                receivedOn = LocalDate.parse(receivedOnText.trim());
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("receivedOn", "api.date.malformed"));
            }
        }
        List<Integer> rows = new ArrayList<>();
        CaseApplication written = PortalApplications.application(form, errors, rows);
        List<CaseApplication.Worker> workers = new ArrayList<>(written.workers());
        workers.addAll(otherWorkers(otherWorkers, errors));
        CaseApplication application = new CaseApplication(written.organisation(), written.requestedProcedure(),
                written.summary(), receivedOn, workers, written.employer(), written.claims(),
                channel != null && channel.oral());
        try {
            intake.validate(application);
        } catch (InvalidApplicationException invalid) {
            invalid.errors().forEach(e -> errors.add(field(e, rows)));
        }
        String phone = form.applicantPhone();
        if (phone != null && !phone.isBlank() && !Phones.valid(phone)) {
            errors.add(FieldError.of("EMPLOYER".equals(form.applicantRole) ? "employerPhone" : "workerPhone", "portal.phone"));
        }
        errors.addAll(IntakeRequests.check(form.requestKey));
        if (!errors.isEmpty()) {
            throw new PortalError(errors);
        }
        evidence.check(uploads);
        IntakeService.Opened opened = intake.open(application, caller, form.requestKey);
        String caseNumber = opened.caseNumber();
        DisputeCase c = cases.findByNumber(caseNumber).orElseThrow();
        if (opened.repeated()) {
            return receipt(c, null, phone, channel, caller, true, Optional.empty());
        }
        String accessCode = phone == null || phone.isBlank() ? null
                : applications.grantAccess(c.id(), form.applicantRole, phone, false);
        int stored = evidence.store(c.id(), uploads, c.stage().name());
        if (stored > 0) {
            cases.addEventAtCurrentStage(caseNumber, "EVIDENCE_ADDED", "窗口收取申请人证据 " + stored + " 份", EngineTime.now());
        }
        if (channel == Channel.PHONE) {
            cases.addEventAtCurrentStage(caseNumber, "PHONE_APPLICATION", "电话申请，记录后请申请人到场核对并签名口头申请笔录",
                    EngineTime.now());
        }
        if (!channel.oral()) {
            documents.issueApplication(caseNumber, PortalApplications.applicationDocument(application.requestedProcedure()),
                    caller.userId());
        }
        LocalDate knewOn = parse(form.knewOn);
        boolean wageClaim = application.claims().stream().anyMatch(k -> LimitationCheck.wageClaim(k.causeCode()));
        Optional<FieldError> warning = limitation.warning(knewOn, receivedOn, form.stillEmployed, wageClaim,
                parse(form.employmentEndedOn), LimitationCheck.Reason.NONE);
        warning.ifPresent(w -> cases.addEventAtCurrentStage(caseNumber, "LIMITATION_WARNING", w.message(), EngineTime.now()));
        return receipt(c, accessCode, phone, channel, caller, false, warning);
    }

    private Receipt receipt(DisputeCase c, String accessCode, String phone, Channel channel, Caller caller,
            boolean repeated, Optional<FieldError> warning) {
        Optional<Task> next = tasks.createTaskQuery().processInstanceBusinessKey(c.caseNumber()).list().stream()
                .min(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Receipt(c.caseNumber(), accessCode, phone, channel, c.receivedOn(), next.map(Task::getName).orElse(null),
                next.map(Task::getDueDate).map(java.util.Date::toInstant).orElse(null),
                cases.firstResponder(c.id()).orElse(caller.userId()), documents.list(c.caseNumber()), repeated, warning);
    }

    /** The other workers, one per line: a name and an identity number (居民身份证; a passport's begins with a letter). */
    private static List<CaseApplication.Worker> otherWorkers(String text, List<FieldError> errors) {
        List<CaseApplication.Worker> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("[\\s,，、;；]+");
            if (parts.length != 2) {
                errors.add(FieldError.of("otherWorkers", "counter.otherWorkers.line", i + 1));
                continue;
            }
            String id = parts[1].toUpperCase();
            out.add(new CaseApplication.Worker(parts[0], Character.isLetter(id.charAt(0)) ? "PASSPORT" : "RESIDENT_ID", id,
                    null, null, false));
        }
        return out;
    }

    private static final java.util.regex.Pattern OTHER_WORKER = java.util.regex.Pattern.compile("^workers\\[([1-9]\\d*)].*");

    /** The form's field for what the intake validator names; another worker's problem names the worker's line. */
    private static FieldError field(FieldError e, List<Integer> rows) {
        java.util.regex.Matcher other = OTHER_WORKER.matcher(e.field());
        if (other.matches()) {
            int n = Integer.parseInt(other.group(1));
            return new FieldError("otherWorkers", Texts.zh("counter.otherWorkers.problem", n, e.message()),
                    Texts.en("counter.otherWorkers.problem", n, e.messageEn()));
        }
        return new FieldError(PortalApplications.formField(e.field(), rows), e.message(), e.messageEn());
    }

    private static LocalDate parse(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
