package cn.labordispute.cases;

import cn.labordispute.security.Caller;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 案件查询 (/cases): find any case of the caller's organisations by what the person in front of them knows; and the
 * case view's hand-over (首问负责: the first responder or a supervisor hands the case to a colleague, with a note).
 */
@Controller
class CasePages {

    private final CaseSearch search;
    private final FirstResponder firstResponder;

    CasePages(CaseSearch search, FirstResponder firstResponder) {
        this.search = search;
        this.firstResponder = firstResponder;
    }

    @GetMapping("/cases")
    String find(@RequestParam(required = false) String q, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Caller caller,
            Model model) {
        CaseStage s = Arrays.stream(CaseStage.values()).filter(v -> v.name().equals(stage)).findFirst().orElse(null);
        String st = "OPEN".equals(status) || "CLOSED".equals(status) ? status : null;
        boolean asked = (q != null && !q.isBlank()) || s != null || st != null;
        model.addAttribute("user", caller.userId());
        model.addAttribute("q", q == null ? "" : q.trim());
        model.addAttribute("stage", s == null ? "" : s.name());
        model.addAttribute("status", st == null ? "" : st);
        model.addAttribute("stages", List.of(CaseStage.values()));
        model.addAttribute("asked", asked);
        model.addAttribute("found", asked ? search.find(caller, q, s, st, Math.max(page, 0)) : null);
        return "pages/cases";
    }

    @PostMapping("/cases/{caseNumber}/first-responder")
    String handOver(@PathVariable String caseNumber, @RequestParam(required = false) String to,
            @RequestParam(required = false) String note, Caller caller, RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response, Model model) {
        List<FirstResponder.Refusal> refused = firstResponder.handOver(caller, caseNumber, to, note);
        if (!refused.isEmpty() && refused.get(0).status() == 404) { // not the caller's case: as if there were none
            response.setStatus(404);
            model.addAttribute("user", caller.userId());
            model.addAttribute("caseNumber", caseNumber);
            return "pages/case-not-found";
        }
        if (refused.isEmpty()) {
            redirect.addFlashAttribute("message", "已移交，新的首问责任人会在案件详情中看到");
        } else {
            redirect.addFlashAttribute("errors", refused.stream().map(FirstResponder.Refusal::error).toList());
            redirect.addFlashAttribute("note", note);
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/supervision/cases/{n}").buildAndExpand(caseNumber)
                .encode().toUriString() + "#first-responder";
    }
}
