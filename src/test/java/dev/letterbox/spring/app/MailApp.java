package dev.letterbox.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/** The Spring Boot application of the integration tests: a mail sender configured by Boot from spring.mail.*. */
@SpringBootApplication
@EnableAsync
public class MailApp {
}
