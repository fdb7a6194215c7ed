package dev.letterbox.internal.mime;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.Attachment;
import dev.letterbox.ReceivedMessage;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.Corpus;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every captured message in the JVM is parsed with one jakarta.mail Session; what makes that safe is pinned here: its
 * properties cannot change, and it is not what a message hands out.
 */
class SharedSessionTest {
    private static final String UTF8_SUBJECT = "From: ann@example.com\r\nSubject: Grüße aus Köln\r\n\r\nhello\r\n";

    @Test
    void messagesOfDifferentServersAndTheirAttachedMessagesAreParsedWithTheOneSharedSession() {
        try (SmtpServer first = SmtpServer.start(); SmtpServer second = SmtpServer.start()) {
            ReceivedMessage a = deliver(first, "a@example.com", List.of("b@example.com"), Corpus.PLAIN);
            ReceivedMessage b = deliver(second, "a@example.com", List.of("b@example.com"), Corpus.FORWARDED);
            Attachment forwarded = b.attachments().get(0);

            assertThat(parsingSession(a)).isSameAs(SharedSession.get());
            assertThat(parsingSession(b)).isSameAs(SharedSession.get());
            assertThat(parsingSession(forwarded.attachedMessage())).isSameAs(SharedSession.get());
        }
    }

    @Test
    void theSharedSessionsPropertiesRefuseEveryChange() {
        Properties props = SharedSession.get().getProperties();

        assertThat(props.getProperty("mail.mime.allowutf8")).isEqualTo("true");
        assertThatThrownBy(() -> props.setProperty("mail.mime.allowutf8", "false"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("the properties of Letterbox's shared parsing session are read-only");
        assertThatThrownBy(() -> props.remove("mail.mime.allowutf8")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(props::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.putAll(Map.of("k", "v"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.keySet().remove("mail.mime.allowutf8"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> props.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(props.getProperty("mail.mime.allowutf8")).isEqualTo("true");
    }

    @Test
    void aMessageHandsOutASessionOfItsOwnAndChangingItLeavesOtherMessagesAlone() throws Exception {
        try (SmtpServer server = SmtpServer.start()) {
            ReceivedMessage first = deliver(server, "a@example.com", List.of("b@example.com"), UTF8_SUBJECT);
            Session own = first.mimeMessage().getSession();
            own.getProperties().setProperty("mail.mime.allowutf8", "false");
            own.setDebugOut(new PrintStream(OutputStream.nullOutputStream()));
            own.setDebug(true);
            MimeMessage reply = (MimeMessage) first.mimeMessage().reply(false);

            ReceivedMessage second = deliver(server, "a@example.com", List.of("b@example.com"), UTF8_SUBJECT);

            assertThat(own).isNotSameAs(SharedSession.get()).isSameAs(first.mimeMessage().getSession());
            assertThat(reply.getSession()).isSameAs(own);
            assertThat(second.mimeMessage().getSession()).isNotSameAs(own).isNotSameAs(SharedSession.get());
            assertThat(second.mimeMessage().getSession().getDebug()).isFalse();
            assertThat(second.subject()).isEqualTo("Grüße aus Köln");
            assertThat(SharedSession.get().getDebug()).isFalse();
        }
    }

    private static Session parsingSession(ReceivedMessage m) {
        return ((CapturedMimeMessage) m.mimeMessage()).parsingSession();
    }
}
