package cn.labordispute.portal;

import cn.labordispute.text.Texts;
import cn.labordispute.calculator.Calculator;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.documents.Documents;
import cn.labordispute.documents.PdfRenderer;
import cn.labordispute.text.FieldError;
import cn.labordispute.intake.IntakeRequests;
import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Organisations;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import cn.labordispute.calendar.EngineTime;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The party portal's pages (/portal): apply, follow a case ("我的申请") and act on it, the claim calculator. Every form
 * carries the session's CSRF token; bad input shows the form again with each field's error and stores nothing.
 */
@Controller
class PortalController {

    private final PortalApplications applications;
    private final PortalAccess access;
    private final PartyActions actions;
    private final OneTimeCodes codes;
    private final PortalCaseView caseView;
    private final Organisations organisations;
    private final CaseCauses causes;
    private final Calculator calculator;
    private final Documents documents;
    private final PdfRenderer pdf;
    private final Evidence evidence;
    private final PartyGuide guide;
    private final LimitationCheck limitation;
    private final EmployerArchive archive;
    /** The demo shows a sent code on the page (there is no SMS gateway); never outside the demo. */
    private final boolean demo;

    PortalController(PortalApplications applications, PortalAccess access, PartyActions actions, OneTimeCodes codes,
            PortalCaseView caseView, Organisations organisations, CaseCauses causes, Calculator calculator,
            Documents documents, PdfRenderer pdf, Evidence evidence, PartyGuide guide, LimitationCheck limitation, EmployerArchive archive,
            @org.springframework.beans.factory.annotation.Value("${dispute.demo.enabled:false}") boolean demo) {
        this.demo = demo;
        this.applications = applications;
        this.access = access;
        this.actions = actions;
        this.codes = codes;
        this.caseView = caseView;
        this.organisations = organisations;
        this.causes = causes;
        this.calculator = calculator;
        this.documents = documents;
        this.pdf = pdf;
        this.evidence = evidence;
        this.guide = guide;
        this.limitation = limitation;
        this.archive = archive;
    }

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("en", PortalSession.english(request));
        model.addAttribute("large", PortalSession.large(request));
        model.addAttribute("path", request.getRequestURI());
    }

    @GetMapping("/portal")
    String home() {
        return "portal/home";
    }

    /** The application, with what the guide (or a link) fills in: procedure, office, the first claim, dates. */
    @GetMapping("/portal/apply")
    String applyForm(@ModelAttribute("form") ApplyForm form, Model model) {
        if (form.organisation == null || form.organisation.isBlank()) {
            organisations.forAddress(form.employerAddress).ifPresent(o -> form.setOrganisation(o.code()));
        }
        return apply(model, form, List.of());
    }

    /** 我该怎么办？ — the questions, and once they are answered the advice. */
    @GetMapping("/portal/guide")
    String guide(@RequestParam(required = false) String happened, @RequestParam(required = false) String stillEmployed,
            @RequestParam(required = false) String knewOn, @RequestParam(required = false) String employmentEndedOn,
            @RequestParam(required = false) String employerAddress, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate known = PortalApplications.pastDate(knewOn, "knewOn", errors);
        LocalDate ended = PortalApplications.pastDate(employmentEndedOn, "employmentEndedOn", errors);
        LocalDate today = EngineTime.today();
        boolean asked = happened != null;
        if (asked && !PartyGuide.TOPICS.contains(happened)) {
            errors.add(FieldError.of("happened", "portal.guide.happened"));
        }
        Boolean employed = stillEmployed == null ? null : "yes".equals(stillEmployed) ? Boolean.TRUE
                : "no".equals(stillEmployed) ? Boolean.FALSE : null;
        if (asked && employed == null) {
            errors.add(FieldError.of("stillEmployed", "portal.guide.employed"));
        }
        PartyGuide.Answers answers = new PartyGuide.Answers(happened, employed, known, ended, employerAddress);
        model.addAttribute("answers", answers);
        model.addAttribute("topics", PartyGuide.TOPICS.stream().map(t -> Map.of("code", t,
                "word", PartyGuide.word(PortalSession.english(request), t))).toList());
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("knewOn", knewOn);
        model.addAttribute("employmentEndedOn", employmentEndedOn);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } else if (answers.complete()) {
            model.addAttribute("advice", guide.advise(answers, today, PortalSession.english(request)));
        }
        return "portal/guide";
    }

    /**
     * What the application page says while the applicant types: the office for the employer's address and where the
     * one-year limit stands for the dates and claims entered (the same check as on submitting; a warning, never a
     * refusal). A malformed date is 400 naming it.
     */
    @GetMapping("/portal/apply/check")
    @ResponseBody
    Map<String, Object> applyCheck(@RequestParam(required = false) String employerAddress,
            @RequestParam(required = false) String knewOn, @RequestParam(required = false) boolean stillEmployed,
            @RequestParam(required = false) String employmentEndedOn,
            @RequestParam(required = false) String limitationReason,
            @RequestParam(name = "claimCause", required = false) List<String> claimCauses, HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate known = PortalApplications.pastDate(knewOn, "knewOn", errors);
        LocalDate ended = PortalApplications.date(employmentEndedOn, "employmentEndedOn", errors);
        if (!errors.isEmpty()) {
            throw new PortalError(errors);
        }
        boolean english = PortalSession.english(request);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        organisations.forAddress(employerAddress).ifPresent(o -> answer.put("office",
                Map.of("code", o.code(), "name", o.name(), "text", Texts.of(english, "portal.apply.office", o.name()))));
        boolean wages = claimCauses != null && claimCauses.stream().anyMatch(LimitationCheck::wageClaim);
        limitation.status(known, EngineTime.today(), stillEmployed, wages, ended,
                        PortalApplications.reason(limitationReason))
                .ifPresent(st -> answer.put("limitation", Map.of("passed", st.passed(), "text", st.in(english))));
        return answer;
    }

    @PostMapping("/portal/apply")
    String apply(@ModelAttribute("form") ApplyForm form, @RequestParam(name = "evidence", required = false) List<MultipartFile> files,
            HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            PortalApplications.Submitted submitted = applications.apply(form, uploads(files), request.getRemoteAddr(),
                    PortalSession.english(request));
            PortalSession.grant(request, submitted.caseNumber());
            model.addAttribute("submitted", submitted);
            return "portal/submitted";
        } catch (PortalError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return apply(model, form, e.errors());
        } catch (IntakeRequests.KeyReused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            form.setRequestKey(java.util.UUID.randomUUID().toString());
            return apply(model, form, List.of(FieldError.of("requestKey", "portal.apply.keyReused")));
        }
    }

    /** Sends a one-time code (purpose APPLY or LOOKUP) to a phone; for SIGN, to the case's own phone. */
    @PostMapping("/portal/codes")
    @ResponseBody
    ResponseEntity<Map<String, Object>> sendCode(@RequestParam(required = false) String phone,
            @RequestParam(required = false) String purpose, @RequestParam(required = false) String caseNumber,
            HttpServletRequest request) {
        OneTimeCodes.Purpose p;
        try {
            p = OneTimeCodes.Purpose.valueOf(purpose == null ? "" : purpose);
        } catch (IllegalArgumentException e) {
            throw PortalError.of("purpose", "portal.code.purpose");
        }
        String to = phone;
        if (p == OneTimeCodes.Purpose.SIGN) {
            if (caseNumber == null || !PortalSession.mayShow(request, caseNumber)) {
                throw PortalError.of("caseNumber", "portal.caseFirst");
            }
            to = access.find(caseNumber).orElseThrow().phone();
        }
        boolean english = PortalSession.english(request);
        String code = codes.send(to, p, request.getRemoteAddr(), english);
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("sentTo", Phones.masked(to));
        answer.put("message", Texts.of(english, "portal.code.sent", Phones.masked(to)));
        if (demo) {
            answer.put("demoCode", code);
            answer.put("demoNotice", Texts.of(english, "portal.code.demo", code));
        }
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/portal/follow")
    String followForm() {
        return "portal/follow";
    }

    @PostMapping("/portal/follow")
    String follow(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            PortalAccess.Access found = access.withCode(caseNumber, code, request.getRemoteAddr());
            PortalSession.grant(request, found.caseNumber());
            return "redirect:" + casePath(found.caseNumber());
        } catch (PortalError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.errors());
            model.addAttribute("caseNumber", caseNumber);
            return "portal/follow";
        }
    }

    @PostMapping("/portal/follow/phone")
    String followByPhone(@RequestParam(required = false) String phone, @RequestParam(required = false) String code,
            HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            List<PortalAccess.Access> found = access.withPhone(phone, code, request.getRemoteAddr());
            found.forEach(a -> PortalSession.grant(request, a.caseNumber()));
            model.addAttribute("found", found.stream().map(a -> caseView.summary(a.caseNumber(), PortalSession.english(request)))
                    .toList());
            return "portal/follow";
        } catch (PortalError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("phoneErrors", e.errors());
            model.addAttribute("phone", phone);
            return "portal/follow";
        }
    }

    /** 企业档案: an enterprise's registered contact with the credit code, their phone and a code sent to it. */
    @PostMapping("/portal/follow/employer")
    String followAsEmployer(@RequestParam(required = false) String employerCreditCode,
            @RequestParam(required = false) String employerPhone, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        String phone = employerPhone;
        try {
            PortalSession.grantEmployer(request, access.asEmployer(employerCreditCode, phone, code,
                    request.getRemoteAddr()));
            return "redirect:/portal/employer";
        } catch (PortalError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // this form's code box is f-employer-code: the summary's link goes there, not to the other form's
            model.addAttribute("employerErrors", e.errors().stream().map(f -> "code".equals(f.field())
                    ? new FieldError("employer-code", f.message(), f.messageEn()) : f).toList());
            model.addAttribute("employerCreditCode", employerCreditCode);
            model.addAttribute("employerPhone", phone);
            return "portal/follow";
        }
    }

    @GetMapping("/portal/employer")
    String employerPage(HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<EmployerContacts.Contact> contact = PortalSession.employer(request);
        if (contact.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("employerErrors", List.of(FieldError.of("employerCreditCode", "portal.employer.first")));
            return "portal/follow";
        }
        model.addAttribute("archive", archive.of(contact.get(), PortalSession.english(request)));
        return "portal/employer";
    }

    @GetMapping("/portal/employer/health-checks/{checkNumber}/documents/{id}")
    ResponseEntity<byte[]> employerDocument(@PathVariable String checkNumber, @PathVariable long id,
            HttpServletRequest request) {
        return PortalSession.employer(request)
                .flatMap(c -> archive.document(c.employerCreditCode(), checkNumber, id))
                .map(d -> inlinePdf(d.title(), d.id(), d.content()))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/portal/cases/{caseNumber}")
    String myCase(@PathVariable String caseNumber, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Optional<PortalAccess.Access> a = granted(request, caseNumber);
        if (a.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errors", List.of(FieldError.of("caseNumber", "portal.caseFirst")));
            return "portal/follow";
        }
        model.addAttribute("view", caseView.of(a.get(), PortalSession.locale(request)));
        return "portal/case";
    }

    @PostMapping("/portal/cases/{caseNumber}/{action}")
    String act(@PathVariable String caseNumber, @PathVariable String action,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> files, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Optional<PortalAccess.Access> a = granted(request, caseNumber);
        if (a.isEmpty()) {
            return myCase(caseNumber, request, response, model);
        }
        boolean en = PortalSession.english(request);
        try {
            String done = switch (action) {
                case "claims" -> {
                    boolean confirmed = "CONFIRMED".equals(form.get("answer"));
                    actions.answerClaims(a.get(), confirmed, form.get("note"));
                    yield Texts.of(en, confirmed ? "portal.done.claimsConfirmed" : "portal.done.claimsCorrected");
                }
                case "evidence" -> {
                    int stored = actions.addEvidence(a.get(), uploads(files));
                    yield Texts.of(en, "portal.done.evidence", stored);
                }
                case "withdraw" -> {
                    actions.withdraw(a.get(), form.get("reason"));
                    yield Texts.of(en, "portal.done.withdrawn");
                }
                case "legal-aid" -> {
                    actions.requestLegalAid(a.get(), form.get("note"));
                    yield Texts.of(en, "portal.done.legalAid");
                }
                case "sign" -> {
                    actions.sign(a.get(), parseLong(form.get("documentId")), form.get("code"));
                    yield Texts.of(en, "portal.done.signed");
                }
                case "survey" -> {
                    actions.answerSurvey(a.get(), new PartyActions.Survey(parseInt(form.get("satisfaction")),
                            form.containsKey("honoured"), form.containsKey("recurred"), form.containsKey("counselling"),
                            form.containsKey("jobReferral"), form.containsKey("hardshipAid"), form.get("note")));
                    yield Texts.of(en, "portal.done.survey");
                }
                default -> throw PortalError.of("action", "portal.action.unknown");
            };
            redirect.addFlashAttribute("done", done);
            return "redirect:" + casePath(caseNumber);
        } catch (PortalError e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.errors());
            model.addAttribute("view", caseView.of(a.get(), PortalSession.locale(request)));
            return "portal/case";
        }
    }

    @GetMapping("/portal/cases/{caseNumber}/documents/{id}")
    ResponseEntity<byte[]> document(@PathVariable String caseNumber, @PathVariable long id, HttpServletRequest request) {
        if (granted(request, caseNumber).isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return documents.find(caseNumber, id)
                .map(d -> inlinePdf(d.title(), d.id(), documents.printable(d)))
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    @GetMapping("/portal/cases/{caseNumber}/evidence/{id}")
    ResponseEntity<byte[]> evidenceFile(@PathVariable String caseNumber, @PathVariable long id,
            HttpServletRequest request) {
        Optional<PortalAccess.Access> a = granted(request, caseNumber);
        if (a.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return evidence.content(a.get().caseId(), id).map(Evidence::download)
                .orElse(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    /** A document as an inline PDF named by its title and number. */
    private ResponseEntity<byte[]> inlinePdf(String title, long id, String printable) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(title + "-" + id + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(pdf.render(printable));
    }

    /** Where the security frame sends a portal form that came without the session's token. */
    @RequestMapping("/portal/expired")
    String expired() {
        throw new PortalExceptions.CsrfRejected();
    }

    @PostMapping("/portal/leave")
    String leave(HttpServletRequest request) {
        PortalSession.leave(request);
        return "redirect:/portal";
    }

    @GetMapping("/portal/calculator")
    String calculator(@ModelAttribute("input") CalculatorForm input, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("organisations", organisations.all());
        if (input.submitted()) {
            try {
                model.addAttribute("result", calculator.calculate(input.request(), PortalSession.english(request)));
            } catch (InvalidApplicationException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("errors", e.errors());
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("errors", List.of(FieldError.of(e.getMessage(), "api.unreadable.field")));
            }
        }
        return "portal/calculator";
    }

    private String apply(Model model, ApplyForm form, List<FieldError> errors) {
        List<FieldError> ignored = new ArrayList<>();
        limitation.status(PortalApplications.date(form.knewOn, "knewOn", ignored), EngineTime.today(), form.stillEmployed,
                        form.claimCause.stream().anyMatch(LimitationCheck::wageClaim),
                        PortalApplications.date(form.employmentEndedOn, "employmentEndedOn", ignored),
                        PortalApplications.reason(form.limitationReason))
                .ifPresent(st -> model.addAttribute("limitationStatus", st));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("procedures", guide.procedures(Boolean.TRUE.equals(model.getAttribute("en"))));
        model.addAttribute("causeGroups", causes.all().stream().filter(c -> c.parentCode() == null).map(parent ->
                Map.of("group", parent, "causes", causes.all().stream().filter(c -> parent.code().equals(c.parentCode()))
                        .toList())).toList());

        return "portal/apply";
    }

    private Optional<PortalAccess.Access> granted(HttpServletRequest request, String caseNumber) {
        return PortalSession.mayShow(request, caseNumber) ? access.find(caseNumber) : Optional.empty();
    }

    private static String casePath(String caseNumber) {
        return "/portal/cases/" + UriUtils.encodePathSegment(caseNumber, StandardCharsets.UTF_8);
    }


    static List<Evidence.Upload> uploads(List<MultipartFile> files) {
        List<Evidence.Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isEmpty())) {
                continue;
            }
            try {
                uploads.add(new Evidence.Upload(f.getOriginalFilename(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }


    private static long parseLong(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            throw PortalError.of("documentId", "portal.document.number");
        }
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
