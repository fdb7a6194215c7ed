package dev.letterbox.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.CaptureMail;
import dev.letterbox.Mailbox;
import dev.letterbox.SmtpExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Capability switches seen by python3 {@code smtplib}: the reduced EHLO list, and the client's own refusal. */
@Tag("interop")
@CaptureMail(withoutExtensions = {SmtpExtension.SMTPUTF8, SmtpExtension.CHUNKING, SmtpExtension.DSN})
class CapabilitySwitchInteropTest {

    /** Says EHLO, prints the extensions smtplib saw, then tries an international message and prints the outcome. */
    private static final String EHLO_THEN_UTF8 = """
            import smtplib, sys
            from email.message import EmailMessage
            host, port = sys.argv[1], int(sys.argv[2])
            with smtplib.SMTP(host, port, local_hostname="python.client.example", timeout=20) as smtp:
                smtp.ehlo()
                print(" ".join(sorted(smtp.esmtp_features)))
                msg = EmailMessage()
                msg["From"] = "josé@exämple.com"
                msg["To"] = "ann@example.com"
                msg["Subject"] = "hi"
                msg.set_content("hi")
                try:
                    smtp.send_message(msg)
                    print("sent")
                except smtplib.SMTPNotSupportedError as e:
                    print("not supported:", e)
            """;

    @BeforeEach
    void pythonIsInstalled() {
        ClientProcess.assumeInstalled("python3", "python3");
    }

    @Test
    void smtplibSeesTheReducedExtensionListAndRefusesUtf8ItselfWithoutSmtputf8(Mailbox mailbox) {
        ClientProcess.Outcome python = ClientProcess.run(List.of("python3", "-c", EHLO_THEN_UTF8, mailbox.host(),
                String.valueOf(mailbox.port()))).succeeded();

        List<String> lines = python.stdout().lines().toList();
        assertThat(lines.get(0).split(" ")).containsExactly("8bitmime", "enhancedstatuscodes", "pipelining", "size");
        assertThat(lines.get(1)).startsWith("not supported:").contains("SMTPUTF8");
        assertThat(mailbox.messages()).isEmpty();
    }
}
