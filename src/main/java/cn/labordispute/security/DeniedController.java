package cn.labordispute.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a person sees when the security frame refuses a page (403): in words, with the way back. */
@Controller
class DeniedController {

    @RequestMapping("/denied")
    String denied(@RequestParam(required = false) String expired, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("expired", expired != null);
        return "pages/denied";
    }
}
