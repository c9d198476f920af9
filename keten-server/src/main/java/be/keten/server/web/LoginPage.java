package be.keten.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (Spring Security handles the POST). */
@Controller
public class LoginPage {
    @GetMapping("/login")
    public String login() {
        return "login";
    }
}
