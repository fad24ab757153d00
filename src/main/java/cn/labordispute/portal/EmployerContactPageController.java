package cn.labordispute.portal;

import cn.labordispute.intake.InvalidApplicationException;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Organisations;
import cn.labordispute.text.FieldError;
import cn.labordispute.text.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 企业联系人 (/supervision/employer-contacts): staff register the person an enterprise names as its contact (after
 * checking their authority at the window) and revoke them; a registered phone opens the enterprise's page in the portal.
 * Each member of staff sees and changes their own organisations' contacts only.
 */
@Controller
class EmployerContactPageController {

    private final EmployerContacts contacts;
    private final Organisations organisations;

    EmployerContactPageController(EmployerContacts contacts, Organisations organisations) {
        this.contacts = contacts;
        this.organisations = organisations;
    }

    @GetMapping("/supervision/employer-contacts")
    String page(Caller caller, Model model) {
        model.addAttribute("form", Map.of());
        return render(caller, model);
    }

    @PostMapping("/supervision/employer-contacts")
    String register(@RequestParam Map<String, String> form, Caller caller, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        try {
            EmployerContacts.Contact c = contacts.register(form.get("organisation"), form.get("employerName"),
                    form.get("employerCreditCode"), form.get("contactName"), form.get("phone"), caller);
            redirect.addFlashAttribute("message", Texts.zh("contact.registered", c.employerName(), c.contactName(),
                    c.maskedPhone()));
            return "redirect:/supervision/employer-contacts";
        } catch (InvalidApplicationException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", e.errors());
            model.addAttribute("form", form);
            return render(caller, model);
        }
    }

    @PostMapping("/supervision/employer-contacts/{id}/revoke")
    String revoke(@PathVariable long id, Caller caller, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        if (!contacts.revoke(id, caller)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("errors", List.of(FieldError.of("id", "contact.missing")));
            model.addAttribute("form", Map.of());
            return render(caller, model);
        }
        redirect.addFlashAttribute("message", Texts.zh("contact.revoked"));
        return "redirect:/supervision/employer-contacts";
    }

    private String render(Caller caller, Model model) {
        model.addAttribute("contacts", contacts.list(caller.organisations()));
        model.addAttribute("organisations", organisations.all().stream().filter(o -> caller.mayActFor(o.code())).toList());
        model.addAttribute("organisationNames", organisations.all().stream()
                .collect(java.util.stream.Collectors.toMap(o -> o.code(), o -> o.name())));
        model.addAttribute("user", caller.userId());
        return "pages/employer-contacts";
    }
}
