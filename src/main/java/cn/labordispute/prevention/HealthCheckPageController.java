package cn.labordispute.prevention;

import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Organisations;
import cn.labordispute.text.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 法治体检 (/supervision/health-checks): the legal health checks of the caller's organisations, with their reports and
 * warning letters, and the form that registers one (an enterprise, its credit code, why it is checked).
 */
@Controller
class HealthCheckPageController {

    private final HealthChecks checks;
    private final Organisations organisations;

    HealthCheckPageController(HealthChecks checks, Organisations organisations) {
        this.checks = checks;
        this.organisations = organisations;
    }

    @GetMapping("/supervision/health-checks")
    String page(Caller caller, Model model) {
        model.addAttribute("form", Map.of());
        return render(caller, model);
    }

    @PostMapping("/supervision/health-checks")
    String request(@RequestParam Map<String, String> form, Caller caller, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        String organisation = form.get("organisation");
        try {
            if (organisation != null && !caller.mayActFor(organisation)) {
                throw new InvalidApplicationException(List.of(FieldError.of("organisation", "api.notPermitted")));
            }
            String number = checks.request(organisation, form.get("employerName"), form.get("employerCreditCode"),
                    form.get("reason"), caller.userId());
            redirect.addFlashAttribute("message", "已登记法治体检 " + number + "，已进入体检流程");
            return "redirect:/supervision/health-checks";
        } catch (InvalidApplicationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", form);
            return render(caller, model);
        }
    }

    private String render(Caller caller, Model model) {
        List<HealthChecks.Check> list = checks.list(caller.cityWide() ? null : caller.organisations());
        Map<String, List<HealthChecks.CheckDocument>> documents = new LinkedHashMap<>();
        for (HealthChecks.Check c : list) {
            documents.put(c.checkNumber(), new ArrayList<>(checks.documents(c.checkNumber(), false)));
        }
        model.addAttribute("checks", list);
        model.addAttribute("documents", documents);
        model.addAttribute("organisations", organisations.all().stream().filter(o -> caller.mayActFor(o.code())).toList());
        model.addAttribute("user", caller.userId());
        return "pages/health-checks";
    }
}
