package dev.letterbox.spring.app;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /notify?to=...&subject=...} sends a notification, for tests over a real HTTP port. */
@RestController
class NotifyController {
    private final Notifier notifier;

    NotifyController(Notifier notifier) {
        this.notifier = notifier;
    }

    @PostMapping("/notify")
    String notify(@RequestParam("to") String to, @RequestParam("subject") String subject) {
        notifier.send(to, subject);
        return "sent";
    }
}
