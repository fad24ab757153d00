package cn.labordispute.portal;

import cn.labordispute.calendar.EngineTime;
import cn.labordispute.cases.CaseCauses;
import cn.labordispute.intake.IntakeRequests;
import cn.labordispute.intake.NotPermittedException;
import cn.labordispute.security.Caller;
import cn.labordispute.security.Organisations;
import cn.labordispute.text.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 一窗受理 (/counter): the staff page at the service window. Any member of staff registers an application for one of
 * their organisations; they become its first responder, and the page says so on the receipt it prints.
 */
@Controller
class CounterController {

    private final CounterIntake counter;
    private final Organisations organisations;
    private final CaseCauses causes;

    CounterController(CounterIntake counter, Organisations organisations, CaseCauses causes) {
        this.counter = counter;
        this.organisations = organisations;
        this.causes = causes;
    }

    @GetMapping("/counter")
    String form(Caller caller, Model model) {
        ApplyForm form = new ApplyForm();
        List<cn.labordispute.security.Organisation> mine = mine(caller);
        if (mine.size() == 1) {
            form.setOrganisation(mine.get(0).code());
        }
        return page(model, caller, form, "WRITTEN", EngineTime.today().toString(), "", List.of());
    }

    @PostMapping("/counter")
    String register(@ModelAttribute ApplyForm form, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String receivedOn, @RequestParam(required = false) String otherWorkers,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> files, Caller caller,
            HttpServletResponse response, Model model) {
        try {
            model.addAttribute("receipt", counter.register(form, channel, receivedOn, otherWorkers,
                    PortalController.uploads(files), caller));
            model.addAttribute("user", caller.userId());
            return "pages/counter-receipt";
        } catch (PortalError e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, caller, form, channel, receivedOn, otherWorkers, e.errors());
        } catch (NotPermittedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return page(model, caller, form, channel, receivedOn, otherWorkers,
                    List.of(FieldError.of("organisation", "api.notPermitted")));
        } catch (IntakeRequests.KeyReused e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            form.setRequestKey(java.util.UUID.randomUUID().toString());
            return page(model, caller, form, channel, receivedOn, otherWorkers,
                    List.of(FieldError.of("requestKey", "portal.apply.keyReused")));
        }
    }

    private String page(Model model, Caller caller, ApplyForm form, String channel, String receivedOn,
            String otherWorkers, List<FieldError> errors) {
        model.addAttribute("user", caller.userId());
        model.addAttribute("form", form);
        model.addAttribute("channel", channel == null ? "WRITTEN" : channel);
        model.addAttribute("channels", List.of(CounterIntake.Channel.values()));
        model.addAttribute("receivedOn", receivedOn == null ? "" : receivedOn);
        model.addAttribute("today", EngineTime.today().toString());
        model.addAttribute("otherWorkers", otherWorkers == null ? "" : otherWorkers);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", mine(caller));
        model.addAttribute("causes", causes.all().stream().filter(c -> c.parentCode() != null && !c.parentCode().isEmpty())
                .toList());
        return "pages/counter";
    }

    /** The organisations the caller registers applications for: their own (all of them for the city's staff). */
    private List<cn.labordispute.security.Organisation> mine(Caller caller) {
        return organisations.all().stream().filter(o -> caller.mayActFor(o.code())).toList();
    }
}
