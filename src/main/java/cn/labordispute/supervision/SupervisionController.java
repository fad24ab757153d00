package cn.labordispute.supervision;

import cn.labordispute.text.Table;
import cn.labordispute.security.Caller;
import cn.labordispute.cases.CaseAccess;
import cn.labordispute.cases.FirstResponder;
import cn.labordispute.cases.PersonalData;
import cn.labordispute.deadlines.DeadlineRecords;
import cn.labordispute.text.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** GET /supervision: the overdue board, the first thing a supervisor sees; POST /supervision/reassign: act on it. */
@Controller
class SupervisionController {

    private final SupervisionService supervision;
    private final Reassignment reassignment;
    private final CaseAccess access;
    private final CaseDiagrams diagrams;
    private final DeadlineRecords deadlines;
    private final Extensions extensions;
    private final FirstResponder firstResponder;
    private final cn.labordispute.security.StaffNames names;

    SupervisionController(SupervisionService supervision, Reassignment reassignment, CaseAccess access,
            CaseDiagrams diagrams, DeadlineRecords deadlines, Extensions extensions, FirstResponder firstResponder,
            cn.labordispute.security.StaffNames names) {
        this.names = names;
        this.firstResponder = firstResponder;
        this.extensions = extensions;
        this.supervision = supervision;
        this.reassignment = reassignment;
        this.access = access;
        this.diagrams = diagrams;
        this.deadlines = deadlines;
    }

    /** GET /supervision/cases/{caseNumber}: the case's record, deadlines, tasks, timeline and where it stands. */
    @GetMapping("/supervision/cases/{caseNumber}")
    String caseView(@PathVariable String caseNumber, @RequestParam(required = false) String full, Caller caller,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("user", caller.userId());
        java.util.Optional<cn.labordispute.cases.CaseView> found;
        try {
            found = access.viewInFull(caseNumber, caller,
                    full == null ? java.util.Set.of() : PersonalData.FIELDS.keySet(), "PAGE");
        } catch (CaseAccess.PersonalDataRefused e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("conflict", "只有本案的承办人或本组织的仲裁员可以查看完整的证件号码和电话。");
            return "pages/denied";
        }
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("caseNumber", caseNumber);
            return "pages/case-not-found";
        }
        model.addAttribute("c", found.get());
        access.find(caseNumber, caller).filter(c -> firstResponder.mayHandOver(caller, c)).ifPresent(c ->
                model.addAttribute("colleagues", firstResponder.colleagues(c)));
        model.addAttribute("deadlines", deadlines.forCase(caseNumber));
        model.addAttribute("diagrams", diagrams.forCase(caseNumber));
        return "pages/case";
    }

    @GetMapping("/supervision")
    String board(Caller caller, @RequestParam(required = false) Integer done, @RequestParam(required = false) String extension,
            HttpServletRequest request, Model model) {
        if (done != null) {
            model.addAttribute("message", "已处理 " + done + " 个任务");
        }
        if (extension != null) {
            model.addAttribute("message", "approved".equals(extension) ? "已批准延长审理期限，裁决期限已顺延" : "已作出不批准延期的决定");
        }
        return render(caller, request, model);
    }

    /**
     * What the board shows, as the statistics export: {@code list} is {@code urgent}, {@code unclaimed},
     * {@code handlers} or {@code escalations}; {@code format} {@code csv} (UTF-8 with a byte-order mark) or
     * {@code xlsx}. The caller's organisations only, as on the page.
     */
    @GetMapping("/supervision/board/{list}.{format}")
    org.springframework.http.ResponseEntity<?> export(@PathVariable String list, @PathVariable String format,
            Caller caller) {
        Table table = BoardTables.of(supervision.board(caller), names).get(list);
        if (table == null || !(format.equals("csv") || format.equals("xlsx"))) {
            FieldError error = table == null ? FieldError.of("list", "board.list") : FieldError.of("format", "statistics.format");
            return org.springframework.http.ResponseEntity.badRequest().body(java.util.Map.of("message", error.message(),
                    "messageEn", error.messageEn(), "errors", List.of(error)));
        }
        boolean csv = format.equals("csv");
        return org.springframework.http.ResponseEntity.ok()
                .contentType(csv ? new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                        : org.springframework.http.MediaType.parseMediaType(
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
                        .attachment().filename(table.title() + "." + format, java.nio.charset.StandardCharsets.UTF_8).build()
                        .toString())
                .body(csv ? table.csv() : table.xlsx());
    }

    /**
     * Reassign the selected tasks and/or add a note; on bad input, HTTP 400 with the page and nothing changed; a task of
     * another organisation, or a caller who supervises none, 403 and nothing changed.
     */
    @PostMapping("/supervision/reassign")
    String reassign(Caller caller, @RequestParam(name = "taskId", required = false) List<String> taskIds,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String note,
            HttpServletRequest request,
            HttpServletResponse response, Model model) {
        List<FieldError> errors = reassignment.reassign(caller, taskIds, assignee, note);
        if (errors.isEmpty()) {
            return "redirect:/supervision?done=" + taskIds.size();
        }
        response.setStatus(Reassignment.forbidden(errors) ? HttpServletResponse.SC_FORBIDDEN
                : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return render(caller, request, model);
    }

    /** Approve or refuse an award-extension request through the process's approval step; 400 with the page on bad input. */
    @PostMapping("/supervision/extensions")
    String decideExtension(Caller caller, @RequestParam(required = false) String taskId,
            @RequestParam(required = false) Boolean approved, @RequestParam(required = false) Integer days,
            @RequestParam(required = false) String note, HttpServletRequest request, HttpServletResponse response, Model model) {
        List<FieldError> errors = extensions.decide(caller, taskId, approved, days, note);
        if (errors.isEmpty()) {
            return "redirect:/supervision?extension=" + (Boolean.TRUE.equals(approved) ? "approved" : "refused");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return render(caller, request, model);
    }

    private String render(Caller caller, HttpServletRequest request, Model model) {
        OverdueBoard board = supervision.board(caller);
        model.addAttribute("board", board);
        model.addAttribute("extensions", board.supervisor() ? extensions.pending(caller) : List.of());
        model.addAttribute("staff", board.supervisor() ? reassignment.staff(caller) : java.util.Map.of());
        model.addAttribute("user", caller.userId());
        return "pages/supervision";
    }
}
