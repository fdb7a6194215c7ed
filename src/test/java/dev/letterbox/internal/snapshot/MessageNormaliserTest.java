package dev.letterbox.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.letterbox.Envelope;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageNormaliserTest {
    private static final Set<String> DEFAULT_MASKED =
            Set.of("date", "message-id", "received", "dkim-signature", "x-mailer", "content-id");
    private static final Envelope ENVELOPE = Envelope.builder().mailFrom("shop@example.com")
            .recipient("ann@example.com").recipient("bob@example.com").build();

    @Test
    void envelopeComesFirstThenHeadersInOrderWithVolatileOnesMasked() {
        String raw = """
                Received: from client.example by letterbox; Wed, 2 Dec 2026 10:00:00 +0000
                Date: Wed, 2 Dec 2026 10:00:00 +0000
                From: Shop <shop@example.com>
                To: ann@example.com
                Message-ID: <1234.5678@client.example>
                Subject: Welcome
                X-Mailer: SomeMailer 1.2
                X-Order: 42

                Hello
                """;

        assertThat(normalise(raw)).isEqualTo("""
                MAIL FROM:<shop@example.com>
                RCPT TO:<ann@example.com>
                RCPT TO:<bob@example.com>

                Received: <masked>
                Date: <masked>
                From: Shop <shop@example.com>
                To: ann@example.com
                Message-ID: <masked>
                Subject: Welcome
                X-Mailer: <masked>
                X-Order: 42

                Hello
                """);
    }

    @Test
    void hostileHeaderValuesAreUnfoldedAndDecodedInOnePass() {
        // 200,000 spaces before the text: a fold pattern with white space on both sides of the break backtracked over
        // them at every position; 20,000 encoded words: jakarta.mail's decoder looked its provider up for each
        String spaces = " ".repeat(200_000);
        String words = "=?UTF-8?Q?=C3=A4?= ".repeat(20_000).strip();
        String raw = "Subject: " + words + "\r\nX-Padding: " + spaces + "x\r\n \tfolded\r\n"
                + "Content-Type: text/plain\r\n\r\nbody\r\n";

        String normalised = normalise(raw);

        assertThat(normalised).contains("Subject: " + "\u00e4".repeat(20_000) + "\n")
                .contains("X-Padding: x folded\n");
    }

    @Test
    void headerNamesStayAsSentAndFoldedValuesAreUnfolded() {
        String raw = "subject: a long\r\n\tsubject \r\n  folded twice\r\nX-ODD-case: v\r\n"
                + "Content-Type: text/plain;\r\n\tcharset=UTF-8\r\n\r\nbody\r\n";

        assertThat(normalise(raw)).contains("subject: a long subject folded twice\nX-ODD-case: v\n"
                + "Content-Type: text/plain; charset=UTF-8\n\nbody\n");
    }

    @Test
    void crlfAndLfMessagesNormaliseToTheSameText() {
        String lf = "From: a@example.com\nSubject: Hi\n\nline one\nline two\n";

        assertThat(normalise(lf.replace("\n", "\r\n"))).isEqualTo(normalise(lf));
        assertThat(normalise(lf)).endsWith("\n\nline one\nline two\n").doesNotContain("\r");
    }

    @Test
    void encodedWordsAreDecoded() {
        String raw = "From: =?UTF-8?Q?Jos=C3=A9?= <jose@example.com>\nSubject: =?UTF-8?B?R3LDvMOfZQ==?=\n\nx\n";

        assertThat(normalise(raw)).contains("From: José <jose@example.com>\nSubject: Grüße\n");
    }

    @Test
    void boundariesAreMaskedAndPartsAreNumberedWithTheirTextDecoded() {
        String raw = """
                From: a@example.com
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer-123"

                preamble that is left out
                --outer-123
                Content-Type: multipart/alternative; boundary=inner-456

                --inner-456
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Gr=C3=BC=C3=9Fe
                --inner-456
                Content-Type: text/html; charset=ISO-8859-1
                Content-Transfer-Encoding: base64

                PHA+R3L832U8L3A+
                --inner-456--
                --outer-123
                Content-Type: application/pdf; name="terms.pdf"
                Content-Disposition: attachment; filename="terms.pdf"
                Content-Transfer-Encoding: base64

                aGVsbG8=
                --outer-123--
                epilogue
                """;

        assertThat(normalise(raw)).isEqualTo("""
                MAIL FROM:<shop@example.com>
                RCPT TO:<ann@example.com>
                RCPT TO:<bob@example.com>

                From: a@example.com
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="<masked>"

                --- part 1 ---
                Content-Type: multipart/alternative; boundary="<masked>"

                --- part 1.1 ---
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Grüße
                --- part 1.2 ---
                Content-Type: text/html; charset=ISO-8859-1
                Content-Transfer-Encoding: base64

                <p>Grüße</p>
                --- part 2 ---
                Content-Type: application/pdf; name="terms.pdf"
                Content-Disposition: attachment; filename="terms.pdf"
                Content-Transfer-Encoding: base64

                (attachment "terms.pdf": application/pdf, 5 bytes, \
                sha256 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824)
                """);
    }

    @Test
    void contentIdsBecomeNumberedPlaceholdersAndTheirCidReferencesFollow() {
        String raw = """
                From: a@example.com
                Content-Type: multipart/related; boundary=b

                --b
                Content-Type: text/html

                <img src="cid:logo.k3j4h5@gen"><img src="cid:logo.k3j4h5@gen2"><img src="cid:missing">
                --b
                Content-Type: image/png
                Content-ID: <logo.k3j4h5@gen2>
                Content-Disposition: inline; filename=a.png
                Content-Transfer-Encoding: base64

                AAAA
                --b
                Content-Type: image/png
                Content-ID: <logo.k3j4h5@gen>
                Content-Transfer-Encoding: base64

                AAAA
                --b--
                """;

        String normalised = normalise(raw);

        assertThat(normalised)
                .contains("<img src=\"cid:masked-cid-2\"><img src=\"cid:masked-cid-1\"><img src=\"cid:missing\">")
                .contains("Content-ID: <masked-cid-1>\nContent-Disposition: inline; filename=a.png\n"
                        + "Content-Transfer-Encoding: base64\n\n"
                        + "(inline part \"a.png\": image/png, 3 bytes, sha256 ")
                .contains("Content-ID: <masked-cid-2>\nContent-Transfer-Encoding: base64\n\n"
                        + "(part: image/png, 3 bytes, sha256 ")
                .doesNotContain("k3j4h5");
    }

    @Test
    void maskingIsChosenPerCall() {
        String raw = "Date: Wed, 2 Dec 2026 10:00:00 +0000\nX-Request-Id: 77\nContent-ID: <fixed>\n"
                + "Content-Type: text/html\n\n<img src=\"cid:fixed\">\n";

        String normalised = MessageNormaliser.normalise(ENVELOPE, parse(raw), Set.of("x-request-id"));

        assertThat(normalised).contains("Date: Wed, 2 Dec 2026 10:00:00 +0000\nX-Request-Id: <masked>\n"
                + "Content-ID: <fixed>\n").contains("<img src=\"cid:fixed\">");
    }

    @Test
    void attachedMessagesShowTheirOwnHeadersMasked() {
        String raw = """
                From: a@example.com
                Content-Type: message/rfc822

                Date: Tue, 1 Dec 2026 10:00:00 +0000
                Message-ID: <inner@example.com>
                Subject: Forwarded

                inner body
                """;

        assertThat(normalise(raw)).endsWith("""
                Content-Type: message/rfc822

                (attached message)
                Date: <masked>
                Message-ID: <masked>
                Subject: Forwarded

                inner body
                """);
    }

    @Test
    void textAttachmentsAreHashedNotShown() {
        String raw = """
                From: a@example.com
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/csv; name=report.csv
                Content-Disposition: attachment; filename=report.csv

                secret,data
                --b--
                """;

        assertThat(normalise(raw)).contains("(attachment \"report.csv\": text/csv, 11 bytes, sha256 ")
                .doesNotContain("secret");
    }

    @Test
    void controlCharactersInDecodedHeaderValuesAreEscapedVisibly() {
        String raw = "Subject: =?UTF-8?Q?a=0D=0Ab=09c=00d=7F?=\r\nX-Tag: =?UTF-8?B?eAd5?=\r\n\r\nbody\r\n";

        assertThat(normalise(raw)).contains("Subject: a\\r\\nb\\tc\\u0000d\\u007f\nX-Tag: x\\u0007y\n\nbody\n");
    }

    @Test
    void aHeaderThatDecodesToALineBreakRoundTripsThroughItsSnapshot(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        String form = normalise("Subject: =?UTF-8?Q?a=0D=0Ab?=\r\n\r\nbody\r\n");
        java.nio.file.Path file = dir.resolve("s.eml.txt");

        assertThat(SnapshotFile.check(file, form, false)).isInstanceOf(SnapshotFile.Written.class);
        assertThat(SnapshotFile.check(file, form, false)).isEqualTo(new SnapshotFile.Matched());
    }

    @Test
    void theFormEndsWithExactlyOneLineEnd() {
        assertThat(normalise("Subject: s\r\n\r\nbody\r\n\r\n\r\n")).endsWith("\n\nbody\n");
        assertThat(normalise("Subject: s\r\n\r\n")).endsWith("Subject: s\n");
    }

    private static String normalise(String raw) {
        return MessageNormaliser.normalise(ENVELOPE, parse(raw), DEFAULT_MASKED);
    }

    private static MimeMessage parse(String raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
