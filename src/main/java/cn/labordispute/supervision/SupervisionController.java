package cn.labordispute.supervision;

import cn.labordispute.security.Caller;
import cn.labordispute.security.StaffSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** GET /supervision: the overdue board, the first thing a supervisor sees. */
@Controller
class SupervisionController {

    private final SupervisionService supervision;

    SupervisionController(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GetMapping("/supervision")
    String board(Caller caller, HttpServletRequest request, Model model) {
        model.addAttribute("board", supervision.board(caller));
        model.addAttribute("user", caller.userId());
        model.addAttribute("csrf", StaffSession.csrfToken(request));
        return "pages/supervision";
    }
}
