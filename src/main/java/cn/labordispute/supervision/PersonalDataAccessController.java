package cn.labordispute.supervision;

import cn.labordispute.cases.PersonalData;
import cn.labordispute.security.Caller;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Supervisors read who saw a party's identity or phone number in full, when, on which case: the page and the same rows
 * as JSON. Only supervisors reach it (the security frame); each sees the organisations they supervise.
 */
@Controller
class PersonalDataAccessController {

    private static final int SHOWN = 500;

    private final PersonalData personal;

    PersonalDataAccessController(PersonalData personal) {
        this.personal = personal;
    }

    @GetMapping("/supervision/personal-data-access")
    String page(Caller caller, Model model) {
        model.addAttribute("user", caller.userId());
        model.addAttribute("readings", personal.readings(SupervisionService.supervised(caller), SHOWN));
        model.addAttribute("shown", SHOWN);
        return "pages/personal-data-access";
    }

    @GetMapping("/api/personal-data-access")
    @ResponseBody
    Map<String, List<PersonalData.Access>> rows(Caller caller) {
        return Map.of("readings", personal.readings(SupervisionService.supervised(caller), SHOWN));
    }
}
