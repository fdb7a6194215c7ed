package com.example.shop;

import dev.letterbox.Mailbox;
import dev.letterbox.spring.SpringCaptureMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The shared base class of the mail tests. {@code @SpringCaptureMail} gives the application context one Letterbox
 * server for its whole life and points spring.mail.host/port at it, so every subclass shares one cached context and
 * one server; the mailbox is cleared before each test.
 */
@SpringBootTest
@SpringCaptureMail
abstract class MailTestBase {
    @Autowired
    Mailbox mailbox;
}
