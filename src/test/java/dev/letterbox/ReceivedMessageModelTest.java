package dev.letterbox;

import static dev.letterbox.testing.Smtp.deliver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.testing.Corpus;
import dev.letterbox.testing.Smtp;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedMessageModelTest {
    private static SmtpServer server;

    @BeforeAll
    static void start() {
        server = SmtpServer.start(ServerOptions.builder().spillThreshold(64 * 1024).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ReceivedMessage plain() {
        return deliver(server, "bounce@example.com",
                List.of("ann@example.com", "BOB@example.com", "carol@example.com", "audit@example.com"), Corpus.PLAIN);
    }

    @Test
    void addressHeadersAreParsedAndBccIsTheRestOfTheEnvelope() {
        ReceivedMessage m = plain();

        assertThat(m.from()).isEqualTo("shop@example.com");
        assertThat(m.to()).containsExactly("ann@example.com", "bob@example.com");
        assertThat(m.cc()).containsExactly("carol@example.com");
        assertThat(m.replyTo()).containsExactly("support@example.com");
        assertThat(m.bcc()).containsExactly("audit@example.com");
    }

    @Test
    void headersAreUnfoldedAndEncodedWordsDecoded() {
        ReceivedMessage m = plain();

        assertThat(m.subject()).isEqualTo("Welcome, Ann ✔ and more");
        assertThat(m.header("from")).isEqualTo("Café Shop <shop@example.com>");
        assertThat(m.headers("X-Tag")).containsExactly("one", "two");
        assertThat(m.header("X-Missing")).isNull();
        assertThat(m.rawHeader("Subject")).startsWith("=?UTF-8?B?V2VsY29tZSwgQW5uIOKclA==?=\r\n =?UTF-8?Q?");
        assertThat(m.messageId()).isEqualTo("1234.5678@mail.example.com");
        assertThat(m.date()).isEqualTo(OffsetDateTime.of(2026, 3, 3, 10, 15, 30, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void plainTextBodyIsDecodedAndDotStuffingRemoved() {
        ReceivedMessage m = plain();

        assertThat(m.textBody()).isEqualTo("Hello Ann,\r\nconfirm your address: "
                + "https://shop.example.com/confirm?token=abc&u=1.\r\n.a line that starts with a dot\r\n");
        assertThat(m.htmlBody()).isNull();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.links()).containsExactly("https://shop.example.com/confirm?token=abc&u=1");
    }

    @Test
    void alternativeBodiesAndLinksFromBothInOrderOnce() throws Exception {
        ReceivedMessage m = Smtp.send(server, Corpus.alternative());

        assertThat(m.textBody()).isEqualTo("Reset: https://example.com/reset?t=1&u=2\r\nThanks");
        assertThat(m.htmlBody()).contains("<a href=\"https://example.com/help\">");
        assertThat(m.links()).containsExactly("https://example.com/reset?t=1&u=2", "https://example.com/help");
        assertThat(m.bcc()).containsExactly("audit@example.com");
        assertThat(m.header("From")).isEqualTo("News <news@example.com>");
    }

    @Test
    void inlineImageOfRelatedHtmlIsAnInlinePartNotAnAttachment() {
        ReceivedMessage m = deliver(server, "shop@example.com", List.of("ann@example.com"), Corpus.RELATED);

        assertThat(m.attachments()).isEmpty();
        assertThat(m.inlineParts()).singleElement().satisfies(p -> {
            assertThat(p.contentId()).isEqualTo("logo@shop");
            assertThat(p.contentType().mimeType()).isEqualTo("image/png");
            assertThat(p.isInline()).isTrue();
            assertThat(p.bytes()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(p.size()).isEqualTo(8);
        });
        assertThat(m.textBody()).startsWith("Your order shipped.");
        assertThat(m.htmlBody()).contains("<img src=\"cid:logo@shop\">");
        assertThat(m.links()).containsExactly("https://track.example.com/p/42?a=1&b=2", "https://shop.example.com/",
                "https://track.example.com/p/42");
    }

    @Test
    void structureIsAnIndentedTreeOfParts() {
        ReceivedMessage m = deliver(server, "shop@example.com", List.of("ann@example.com"), Corpus.RELATED);

        assertThat(m.structure()).isEqualTo("""
                multipart/alternative
                  text/plain; charset=us-ascii, 60 octets as sent
                  multipart/related
                    text/html; charset=UTF-8, quoted-printable, 224 octets as sent
                    image/png, base64, cid:logo@shop, 12 octets as sent""");
    }

    @Test
    void attachmentNamesInRfc2231AndRfc2047AreDecoded() {
        ReceivedMessage m = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);

        assertThat(m.attachments()).extracting(Attachment::fileName).containsExactly("Rechnung März.pdf", "résumé.csv");
        Attachment pdf = m.attachments().get(0);
        assertThat(pdf.contentType().mimeType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).isEqualTo("attachment");
        assertThat(pdf.isInline()).isFalse();
        assertThat(new String(pdf.bytes(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
        assertThat(pdf.size()).isEqualTo(9);
        Attachment csv = m.attachments().get(1);
        assertThat(csv.contentType().charset()).isEqualTo("UTF-8");
        assertThat(csv.text()).isEqualTo("a,b\r\n1,2");
        assertThat(csv.size()).isEqualTo(8);
    }

    @Test
    void isoLatin1QuotedPrintableBodyIsDecodedWithItsCharset() {
        ReceivedMessage m = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);

        assertThat(m.textBody()).isEqualTo("Voilà votre facture, chère cliente.");
    }

    @Test
    void shiftJisBodyAndIso2022JpSubjectAreDecoded() throws Exception {
        ReceivedMessage m = Smtp.send(server, Corpus.shiftJis());

        assertThat(m.textBody()).isEqualTo("ご注文ありがとうございます。");
        assertThat(m.subject()).isEqualTo("ご注文ありがとうございます");
    }

    @Test
    void eightBitIsoLatin1BodyIsDecodedWithItsCharset() {
        byte[] raw = Corpus.encode("""
                From: a@example.com
                Subject: latin
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: 8bit

                Grüße aus Köln
                """, StandardCharsets.ISO_8859_1);

        ReceivedMessage m = deliver(server, "a@example.com", List.of("ann@example.com"), raw);

        assertThat(m.textBody()).isEqualTo("Grüße aus Köln\r\n");
    }

    @Test
    void unknownCharsetFallsBackToUtf8WithoutFailing() {
        ReceivedMessage m = deliver(server, "odd@example.com", List.of("ann@example.com"), Corpus.UNKNOWN_CHARSET);

        assertThat(m.textBody()).isEqualTo("Grüße\r\n");
    }

    @Test
    void attachedMessageIsOneAttachmentWithItsOwnParsedMessage() {
        ReceivedMessage m = deliver(server, "ann@example.com", List.of("bob@example.com"), Corpus.FORWARDED);

        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("invoice.eml");
            assertThat(a.contentType().mimeType()).isEqualTo("message/rfc822");
            ReceivedMessage inner = a.attachedMessage();
            assertThat(inner).isSameAs(a.attachedMessage());
            assertThat(inner.subject()).isEqualTo("Invoice");
            assertThat(inner.textBody()).isEqualTo("Your invoice.");
            assertThat(inner.attachments()).extracting(Attachment::fileName).containsExactly("invoice.pdf");
            assertThat(inner.envelope().recipients()).isEmpty();
            assertThat(inner.raw()).as("the octets of the attached message").isEqualTo(a.bytes());
            assertThat(inner.size()).isEqualTo(a.size());
        });
        assertThat(m.textBody()).isEqualTo("See below.");
        assertThat(m.structure()).contains("message/rfc822, attachment, \"invoice.eml\"")
                .contains("\n      application/pdf, attachment, \"invoice.pdf\"");
    }

    @Test
    void aPartThatIsNotAMessageHasNoAttachedMessage() {
        ReceivedMessage m = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);

        assertThat(m.attachments()).isNotEmpty().allSatisfy(a -> assertThat(a.attachedMessage()).isNull());
    }

    @Test
    void multipartMissingItsFinalBoundaryStillYieldsItsParts() {
        ReceivedMessage m = deliver(server, "broken@example.com", List.of("ann@example.com"),
                Corpus.MISSING_END_BOUNDARY);

        assertThat(m.textBody()).isEqualTo("Still readable.");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("notes.txt");
            assertThat(a.text()).startsWith("notes");
        });
    }

    @Test
    void writeToWritesTheOctetsAsReceived(@TempDir Path dir) throws Exception {
        ReceivedMessage m = plain();
        Path file = dir.resolve("sub/01.eml");

        m.writeTo(file);

        assertThat(Files.readAllBytes(file)).isEqualTo(m.raw());
    }

    @Test
    void largeFileBackedAttachmentStreamsItsDecodedContent() throws Exception {
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(42).nextBytes(payload);
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(payload);
        String raw = """
                From: big@example.com
                Subject: big
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see attachment
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="big.bin"
                Content-Transfer-Encoding: base64

                """ + b64 + "\n--b--\n";

        ReceivedMessage m = deliver(server, "big@example.com", List.of("ann@example.com"), raw);

        Attachment a = m.attachments().get(0);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = a.openStream()) {
            in.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), digest));
        }
        assertThat(digest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
        assertThat(a.size()).isEqualTo(payload.length);
        assertThat(m.textBody()).isEqualTo("see attachment");
    }

    @Test
    void concurrentFirstAccessParsesOnceAndEveryThreadSeesTheSameParts() throws Exception {
        ReceivedMessage m = deliver(server, "billing@example.com", List.of("ann@example.com"), Corpus.ATTACHMENTS);
        int threads = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<Attachment>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Attachment> a = m.attachments();
                    assertThat(a.get(1).text()).isEqualTo("a,b\r\n1,2");
                    return a;
                }));
            }
            start.countDown();
            List<Attachment> first = results.get(0).get();
            for (var r : results) {
                assertThat(r.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void repeatedAccessReturnsTheSameParsedObjects() {
        ReceivedMessage m = plain();

        assertThat(m.attachments()).isSameAs(m.attachments());
        assertThat(m.mimeMessage()).isSameAs(m.mimeMessage());
        assertThat(m.textBody()).isSameAs(m.textBody());
    }

    @Test
    void decodedHeadersAndAddressesAreComputedOnceAndCached() {
        ReceivedMessage m = plain();

        assertThat(m.headers("Subject")).isSameAs(m.headers("subject")).isSameAs(m.headers("SUBJECT"));
        assertThat(m.subject()).isSameAs(m.subject());
        assertThat(m.to()).isSameAs(m.to());
        assertThat(m.cc()).isSameAs(m.cc());
        assertThat(m.bcc()).isSameAs(m.bcc());
        assertThat(m.date()).isSameAs(m.date());
    }

    @Test
    void aSubjectFoldedHundredsOfThousandsOfTimesIsUnfoldedOnceAndCached() {
        String folded = "Subject: start" + "\r\n word".repeat(160_000) + "\r\n\r\nbody\r\n";

        ReceivedMessage m = deliver(server, "fold@example.com", List.of("ann@example.com"), folded);

        assertThat(m.subject()).startsWith("start word word").endsWith(" word").hasSize(5 + 5 * 160_000)
                .isSameAs(m.subject());
    }

    @Test
    void toStringDescribesTheEnvelopeAndSizeWithoutParsing() {
        try (SmtpServer own = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build())) {
            ReceivedMessage m = deliver(own, "big@example.com", List.of("ann@example.com"), largePlainMessage());
            own.mailbox().clear(); // the file is gone: any parse now would fail

            assertThat(m.toString()).isEqualTo("ReceivedMessage{from=<big@example.com> to=[ann@example.com] ("
                    + m.size() + " octets)}");
            assertThatThrownBy(m::subject).as("the message was not parsed before the mailbox was cleared")
                    .isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void aLargeMessageNotParsedBeforeTheMailboxIsClearedFailsToParseSayingSo() {
        try (SmtpServer own = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build())) {
            ReceivedMessage m = deliver(own, "big@example.com", List.of("ann@example.com"), largePlainMessage());

            own.mailbox().clear();

            assertThatThrownBy(m::mimeMessage).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("was deleted when the mailbox was cleared or the server closed; read what"
                            + " you need from it before that");
            assertThatThrownBy(m::subject).isInstanceOf(java.io.UncheckedIOException.class);
        }
    }

    @Test
    void aSmallMessageStaysReadableAfterTheMailboxIsCleared() {
        try (SmtpServer own = SmtpServer.start(ServerOptions.builder().build())) {
            ReceivedMessage m = deliver(own, "bounce@example.com", List.of("ann@example.com"), Corpus.PLAIN);

            own.mailbox().clear();

            assertThat(m.subject()).isEqualTo("Welcome, Ann ✔ and more");
        }
    }

    @Test
    void clearingWhileALargeMessageIsFirstParsedEitherParsesItOrFailsSayingItWasCleared() throws Exception {
        try (SmtpServer own = SmtpServer.start(ServerOptions.builder().spillThreshold(1024).build())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 20; round++) {
                    ReceivedMessage m = deliver(own, "big@example.com", List.of("ann@example.com"),
                            largePlainMessage());
                    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                    java.util.concurrent.Future<Object> parse = pool.submit(() -> {
                        together.await();
                        try {
                            return m.mimeMessage();
                        } catch (java.io.UncheckedIOException e) {
                            return e;
                        }
                    });
                    pool.submit(() -> {
                        together.await();
                        own.mailbox().clear();
                        return null;
                    }).get();

                    Object outcome = parse.get();
                    if (outcome instanceof java.io.UncheckedIOException failure) {
                        assertThat(failure).hasMessageContaining("was deleted when the mailbox was cleared");
                    } else {
                        assertThat(outcome).isSameAs(m.mimeMessage());
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static String largePlainMessage() {
        return "From: big@example.com\nSubject: big\n\n" + "line of text\n".repeat(500);
    }
}
