package dev.letterbox.bench;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/** The messages the scenarios send, built with Jakarta Mail (Angus) or generated as raw octets for streaming. */
final class Mails {
    private Mails() {
    }

    /** A Jakarta Mail session pointed at a server on loopback; the client names itself without a DNS lookup. */
    static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", "bench.example");
        p.setProperty("mail.smtp.connectiontimeout", "30000");
        p.setProperty("mail.smtp.timeout", "60000");
        return Session.getInstance(p);
    }

    /** A plain-text message whose body is about {@code size} octets. */
    static MimeMessage text(Session session, int size, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("app@bench.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("user@bench.example"));
        m.setSubject(subject);
        StringBuilder sb = new StringBuilder(size + 80);
        while (sb.length() < size) {
            sb.append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }
        m.setText(sb.substring(0, size), "UTF-8");
        m.saveChanges();
        return m;
    }

    /** A typical transactional mail: text and HTML alternatives and a small PDF-like attachment. */
    static MimeMessage rich(Session session, int attachmentSize) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("shop@bench.example", "Shop"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("ann@bench.example"));
        m.setSubject("Your order n\u00b0 42 \u2013 confirmation", "UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Ann,\r\nthank you for your order.\r\nhttps://shop.example/orders/42\r\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Hello Ann,</p><p>thank you for your <a href=\"https://shop.example/orders/42\">order</a>"
                + ".</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        byte[] pdf = new byte[attachmentSize];
        new SplittableRandom(7).nextBytes(pdf);
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName("invoice-42.pdf");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        m.setContent(mixed);
        m.saveChanges();
        return m;
    }

    /**
     * Writes a multipart/mixed message whose second part is a base64 attachment of {@code attachmentBytes}
     * pseudo-random octets, streaming (a few hundred KB of heap whatever the size). Every line ends in CRLF and none
     * starts with a dot, so the octets can go after DATA as they are.
     *
     * @param out where to write
     * @param attachmentBytes the decoded size of the attachment
     * @param crc updated with the decoded attachment octets, so the receiver's copy can be checked
     * @return the number of octets written
     */
    static long writeWithAttachment(OutputStream out, long attachmentBytes, CRC32 crc) throws IOException {
        String head = "From: app@bench.example\r\nTo: user@bench.example\r\nSubject: large attachment\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0undary\"\r\n\r\n"
                + "--b0undary\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nSee the attachment.\r\n"
                + "--b0undary\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename=\"big.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String tail = "--b0undary--\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        out.write(h);
        long written = h.length;
        Base64.Encoder encoder = Base64.getMimeEncoder(76, new byte[] {'\r', '\n'});
        SplittableRandom random = new SplittableRandom(42);
        byte[] chunk = new byte[57 * 2048];
        long left = attachmentBytes;
        while (left > 0) {
            int n = (int) Math.min(chunk.length, left);
            byte[] raw = n == chunk.length ? chunk : new byte[n];
            random.nextBytes(raw);
            crc.update(raw, 0, n);
            byte[] encoded = encoder.encode(raw);
            out.write(encoded);
            out.write('\r');
            out.write('\n');
            written += encoded.length + 2;
            left -= n;
        }
        byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        return written + t.length;
    }
}
