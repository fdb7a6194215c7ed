package dev.letterbox.testing;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Real-shaped messages, written by hand (raw text) or built with Jakarta Mail. */
public final class Corpus {
    private Corpus() {
    }

    /** Plain text with encoded and folded headers, a display name, To, Cc, Reply-To and a URL in the text. */
    public static final String PLAIN = """
            From: =?UTF-8?Q?Caf=C3=A9_Shop?= <shop@example.com>
            To: Ann <ann@example.com>, bob@example.com
            Cc: carol@example.com
            Reply-To: support@example.com
            Subject: =?UTF-8?B?V2VsY29tZSwgQW5uIOKclA==?=
             =?UTF-8?Q?_and_more?=
            Date: Tue, 3 Mar 2026 10:15:30 +0100 (CET)
            Message-ID: <1234.5678@mail.example.com>
            X-Tag: one
            X-Tag: two
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8
            Content-Transfer-Encoding: 8bit

            Hello Ann,
            confirm your address: https://shop.example.com/confirm?token=abc&u=1.
            .a line that starts with a dot
            """;

    /** HTML with an inline image (multipart/related) and a text alternative. */
    public static final String RELATED = """
            From: shop@example.com
            To: ann@example.com
            Subject: Your order
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain; charset=us-ascii

            Your order shipped. Track it: https://track.example.com/p/42
            --alt
            Content-Type: multipart/related; boundary="rel"; type="text/html"

            --rel
            Content-Type: text/html; charset=UTF-8
            Content-Transfer-Encoding: quoted-printable

            <html><body><img src=3D"cid:logo@shop"><p>Your order shipped.</p>
            <a href=3D"https://track.example.com/p/42?a=3D1&amp;b=3D2">Track</a>
            <a href=3D'https://shop.example.com/'>Shop</a> <a href=3D"#top">top</a>
            </body></html>
            --rel
            Content-Type: image/png
            Content-Transfer-Encoding: base64
            Content-ID: <logo@shop>

            iVBORw0KGgo=
            --rel--
            --alt--
            """;

    /** Attachments named with RFC 2231 (UTF-8) and RFC 2047, and a text body in ISO-8859-1 quoted-printable. */
    public static final String ATTACHMENTS = """
            From: billing@example.com
            To: ann@example.com
            Subject: Invoice
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="mix"

            --mix
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: quoted-printable

            Voil=E0 votre facture, ch=E8re cliente.
            --mix
            Content-Type: application/pdf
            Content-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --mix
            Content-Type: text/csv; charset=UTF-8; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.csv?="
            Content-Disposition: attachment

            a,b
            1,2
            --mix--
            """;

    /** A forwarded message (message/rfc822) that itself has an attachment. */
    public static final String FORWARDED = """
            From: ann@example.com
            To: bob@example.com
            Subject: Fwd: Invoice
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="outer"

            --outer
            Content-Type: text/plain; charset=UTF-8

            See below.
            --outer
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="invoice.eml"

            From: billing@example.com
            To: ann@example.com
            Subject: Invoice
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="inner"

            --inner
            Content-Type: text/plain

            Your invoice.
            --inner
            Content-Type: application/pdf; name="invoice.pdf"
            Content-Disposition: attachment; filename="invoice.pdf"

            PDF
            --inner--

            --outer--
            """;

    /** A multipart whose final boundary never comes. */
    public static final String MISSING_END_BOUNDARY = """
            From: broken@example.com
            To: ann@example.com
            Subject: Truncated
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            Still readable.
            --b
            Content-Type: text/plain; name="notes.txt"
            Content-Disposition: attachment; filename="notes.txt"

            notes
            """;

    /** A text body in a charset no JVM knows. */
    public static final String UNKNOWN_CHARSET = """
            From: odd@example.com
            To: ann@example.com
            Subject: Odd charset
            MIME-Version: 1.0
            Content-Type: text/plain; charset=x-no-such-charset
            Content-Transfer-Encoding: 8bit

            Grüße
            """;

    /** A Jakarta Mail message with a text/plain and text/html alternative. */
    public static MimeMessage alternative() throws Exception {
        MimeMessage m = new MimeMessage(Smtp.session());
        m.setFrom(new InternetAddress("news@example.com", "News"));
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setRecipients(Message.RecipientType.BCC, "audit@example.com");
        m.setSubject("Reset your password", "UTF-8");
        MimeMultipart alt = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Reset: https://example.com/reset?t=1&u=2\nThanks", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p><a href=\"https://example.com/reset?t=1&amp;u=2\">Reset</a>"
                + " <a href=\"https://example.com/help\">Help</a></p>", "UTF-8", "html");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        return m;
    }

    /** A Jakarta Mail message with a Shift_JIS text body. */
    public static MimeMessage shiftJis() throws Exception {
        MimeMessage m = new MimeMessage(Smtp.session());
        m.setFrom("jp@example.com");
        m.setRecipients(Message.RecipientType.TO, "ann@example.com");
        m.setSubject("ご注文ありがとうございます", "ISO-2022-JP");
        m.setText("ご注文ありがとうございます。", "Shift_JIS");
        return m;
    }

    /** Serialises a message with CRLF line ends. */
    public static byte[] bytes(MimeMessage m) throws Exception {
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** Encodes text with a charset. */
    public static byte[] encode(String text, Charset cs) {
        return Smtp.crlf(text).getBytes(cs);
    }

    /** UTF-8 shorthand. */
    public static byte[] utf8(String text) {
        return encode(text, StandardCharsets.UTF_8);
    }
}
