package org.shequn.community;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front page: what Shequn is, and communities worth a look. */
@Controller
class HomePage {

    @GetMapping("/")
    String home() {
        return "home/index";
    }
}
