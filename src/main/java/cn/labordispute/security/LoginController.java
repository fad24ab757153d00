package cn.labordispute.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Log in and out of the application's own pages (the Camunda webapps keep their own login). */
@Controller
class LoginController {

    private final StaffDirectory directory;

    LoginController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/login")
    String form(@RequestParam(defaultValue = "/supervision") String next, HttpServletRequest request, Model model) {
        model.addAttribute("next", safe(next));
        model.addAttribute("csrf", StaffSession.csrfToken(request));
        return "pages/login";
    }

    @PostMapping("/login")
    String login(@RequestParam String username, @RequestParam String password,
            @RequestParam(defaultValue = "/supervision") String next, @RequestParam(name = "_csrf", required = false) String csrf,
            HttpServletRequest request, Model model) {
        if (!StaffSession.validCsrf(request, csrf)) {
            model.addAttribute("error", "页面已过期，请重新登录 / the page expired, please log in again");
        } else {
            var caller = directory.authenticate(username.trim(), password);
            if (caller.isPresent()) {
                StaffSession.login(request, caller.get());
                return "redirect:" + safe(next);
            }
            model.addAttribute("error", "用户名或密码错误 / wrong user name or password");
        }
        model.addAttribute("next", safe(next));
        model.addAttribute("username", username);
        model.addAttribute("csrf", StaffSession.csrfToken(request));
        return "pages/login";
    }

    @PostMapping("/logout")
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/login";
    }

    /** Only paths of this application: no redirect elsewhere. */
    private static String safe(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/supervision";
    }
}
