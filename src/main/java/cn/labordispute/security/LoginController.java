package cn.labordispute.security;

import java.net.URI;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff login page. Spring Security checks the password (POST /login) and ends the session (POST /logout); one
 * login serves the application's pages and the Camunda webapps.
 */
@Controller
class LoginController {

    static final String HOME = "/supervision";
    private final AdminAccount admin;

    LoginController(AdminAccount admin) {
        this.admin = admin;
    }

    @GetMapping("/login")
    String form(@RequestParam(required = false) String next, @RequestParam(required = false) String username,
            @RequestParam(required = false) String error, @RequestParam(required = false) Long wait,
            @RequestParam(required = false) String expired, @RequestParam(required = false) String loggedOut,
            Model model) {
        model.addAttribute("next", safeNext(next));
        model.addAttribute("demo", admin.demoPasswordInUse());
        model.addAttribute("username", username == null || "null".equals(username) ? "" : username);
        if (wait != null) {
            model.addAttribute("error", "尝试次数过多，请 " + Math.max(1, wait) + " 秒后再试");
        } else if (error != null) {
            model.addAttribute("error", "用户名或密码错误");
        } else if (expired != null) {
            model.addAttribute("error", "页面已过期，请重新登录");
        } else if (loggedOut != null) {
            model.addAttribute("notice", "您已退出登录");
        }
        return "pages/login";
    }

    /**
     * Where to go after logging in: only a path of this application (no scheme, no host, no {@code //} or {@code /\}
     * that a browser would read as another host), otherwise the board.
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty() || next.charAt(0) != '/' || next.length() > 2000) {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return HOME;
            }
        }
        if (next.startsWith("//")) {
            return HOME;
        }
        try {
            URI uri = URI.create(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : HOME;
        } catch (IllegalArgumentException notAUri) {
            return HOME;
        }
    }
}
