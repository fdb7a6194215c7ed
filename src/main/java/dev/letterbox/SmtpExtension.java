package dev.letterbox;

/**
 * A service extension the server offers in its EHLO reply, each of which a test can turn off with
 * {@link ServerOptions.AbstractBuilder#withoutExtensions(SmtpExtension...)} (or
 * {@code @CaptureMail(withoutExtensions = ...)}) to check how the code under test falls back. An extension turned
 * off is not advertised, and its command and parameters are refused as if the server had never heard of them.
 *
 * <p>STARTTLS and AUTH are not here: they are offered only when configured ({@code tls(...)}, {@code users(...)}),
 * so a test turns them off by not configuring them, and a configuration cannot require TLS while hiding STARTTLS.
 */
public enum SmtpExtension {
    /**
     * {@code PIPELINING} (RFC 2920). Off, it is not advertised; a client that pipelines anyway is still answered in
     * order, as Postfix does, since a server cannot tell a pipelining client from a fast one.
     */
    PIPELINING,
    /** {@code SIZE} (RFC 1870). Off, it is not advertised and {@code SIZE=} on MAIL gets {@code 555 5.5.4}. */
    SIZE,
    /**
     * {@code 8BITMIME} (RFC 6152). Off, it is not advertised and {@code BODY=8BITMIME} gets {@code 555 5.5.4}; 8-bit
     * content sent anyway is stored as received (and shows as a violation, see {@link ReceivedMessage#violations()}).
     */
    EIGHT_BIT_MIME,
    /**
     * {@code SMTPUTF8} (RFC 6531). Off, it is not advertised and the {@code SMTPUTF8} parameter on MAIL gets
     * {@code 555 5.5.4}, so a non-ASCII address cannot be sent.
     */
    SMTPUTF8,
    /**
     * {@code ENHANCEDSTATUSCODES} (RFC 2034). Off, it is not advertised and no reply carries an enhanced status code
     * such as {@code 2.1.0}.
     */
    ENHANCED_STATUS_CODES,
    /**
     * {@code CHUNKING} (RFC 3030): the BDAT command. Off, it is not advertised (nor {@link #BINARYMIME}, which needs
     * it) and BDAT gets {@code 500 5.5.2} like any unknown command.
     */
    CHUNKING,
    /**
     * {@code BINARYMIME} (RFC 3030), offered only with {@link #CHUNKING}. Off, it is not advertised and
     * {@code BODY=BINARYMIME} gets {@code 555 5.5.4}.
     */
    BINARYMIME,
    /**
     * {@code DSN} (RFC 3461). Off, it is not advertised and {@code RET=}, {@code ENVID=} on MAIL and {@code NOTIFY=},
     * {@code ORCPT=} on RCPT get {@code 555 5.5.4}.
     */
    DSN
}
