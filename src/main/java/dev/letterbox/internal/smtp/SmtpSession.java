package dev.letterbox.internal.smtp;

import dev.letterbox.Envelope;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpEffect;
import dev.letterbox.SmtpExtension;
import dev.letterbox.SmtpStage;
import dev.letterbox.TlsMode;
import dev.letterbox.internal.tls.LocalhostCertificate;
import dev.letterbox.internal.store.ContentBuffer;
import dev.letterbox.internal.store.RawContent;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * One SMTP connection. Every exchange passes through one place, {@link #exchange}: the command line is recorded,
 * the phase table and the verb's handler decide what the command would do, the script may replace that (a refusal,
 * a dropped line, a pause, silence), then the change is made and the reply recorded and queued on the {@link Wire}.
 */
final class SmtpSession implements Runnable {
    /**
     * Failed AUTH attempts (wrong credentials, or an answer that is not the mechanism's form) after which the session
     * is closed, as Postfix's {@code smtpd_hard_error_limit} closes a session after too many errors. Five lets a
     * client try each of the three mechanisms once (Python's smtplib does on a wrong password) and retry, and stops a
     * password guesser after a handful.
     */
    static final int MAX_AUTH_FAILURES = 5;
    private final Socket socket;
    private final SmtpListener listener;
    private final ServerOptions options;
    private final SessionHost host;
    private final SessionRecord record;
    private final SessionState state;
    private final Wire wire;
    private final CountDownLatch closing = new CountDownLatch(1);
    private boolean ending;
    private boolean inData;
    private final boolean enhancedCodes;
    private ChunkedMessage chunks; // the BDAT chunks of the current transaction, or null
    private int authFailures; // failed AUTH attempts in this connection, across EHLO and STARTTLS

    SmtpSession(Socket socket, SmtpListener listener) throws IOException {
        this.socket = socket;
        this.listener = listener;
        this.options = listener.options();
        this.host = listener.sessionHost();
        this.record = host.open(socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
        this.state = new SessionState(options);
        this.enhancedCodes = state.enabled(SmtpExtension.ENHANCED_STATUS_CODES);
        this.wire = new Wire(socket.getInputStream(), socket.getOutputStream(), socket, socket::setSoTimeout,
                (int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()));
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            if (options.tls() == TlsMode.IMPLICIT && !startTls()) {
                return;
            }
            exchange(SmtpStage.CONNECT, Outcome.reply(socket.getInetAddress().getHostAddress(),
                    () -> Reply.of(220, null, options.serverName() + " ESMTP Letterbox ready")));
            while (!ending) {
                Wire.Line line = wire.readLine(options.maxCommandLineLength(), options.commandTimeout().toNanos());
                if (line == null) {
                    record.event("connection closed by the client");
                    break;
                }
                command(line);
                releaseAbandonedChunks();
            }
            wire.flush();
        } catch (SocketTimeoutException e) {
            send(Reply.IDLE_TIMEOUT);
            wire.flush();
        } catch (Wire.DeadlineExceeded e) {
            send(inData ? Reply.DATA_TOO_SLOW : Reply.COMMAND_TOO_SLOW);
            wire.flush();
        } catch (IOException e) {
            // the client went away, or the server is closing
            record.event(closing.getCount() == 0 ? "connection closed by the server" : "connection lost: " + e);
        } catch (RuntimeException | Error e) {
            internalError(e);
        } finally {
            if (chunks != null) {
                chunks.close();
            }
            wire.close();
            record.end();
            listener.ended(this);
        }
    }

    private void command(Wire.Line line) throws IOException {
        if (line.tooLong()) {
            record.event("command line longer than " + options.maxCommandLineLength() + " octets (not kept)");
            state.endSasl(); // no answer to a challenge either
            send(Reply.LINE_TOO_LONG);
            return;
        }
        String text = line.text();
        AuthCommand.Exchange sasl = state.sasl();
        if (sasl != null) {
            answer(sasl, line);
            return;
        }
        int space = text.indexOf(' ');
        String word = space < 0 ? text : text.substring(0, space);
        Verb verb = Verb.of(word);
        // the secrets of AUTH never reach a transcript: its initial response is masked
        record.client(verb == Verb.AUTH && text.indexOf(' ', space + 1) > 0
                ? text.substring(0, text.indexOf(' ', space + 1)) + " ***" : text);
        if (line.bareLf() && !options.lenientLineEndings()) {
            send(Reply.BARE_LF_COMMAND);
            return;
        }
        if (verb == null || verb == Verb.BDAT && !state.enabled(SmtpExtension.CHUNKING)) {
            send(Reply.of(500, "5.5.2", "Error: command not recognized: \"" + abbreviate(word) + "\""));
            return;
        }
        if (verb == Verb.BDAT) {
            chunk(space < 0 ? "" : text.substring(space + 1));
            return;
        }
        Reply refusal = state.phase().refusal(verb, state);
        if (refusal != null) {
            send(refusal);
            return;
        }
        Outcome outcome;
        try {
            outcome = verb.handler().handle(state, space < 0 ? "" : text.substring(space + 1));
        } catch (ReplyException e) {
            send(e.reply());
            if (verb == Verb.AUTH) {
                authRefused(e.reply());
            }
            return;
        }
        exchange(verb.stage(), outcome);
    }

    /**
     * Counts a refused AUTH (RFC 4954): wrong credentials (535) or an answer that is not base64 or not in the
     * mechanism's form, or cancelled (501 with 5.5.2 or 5.0.0); at {@link #MAX_AUTH_FAILURES} the session answers 421
     * and closes. Refusals that test no credentials (no such mechanism, the AUTH command's own syntax (501 5.5.4), AUTH
     * before EHLO, encryption required) do not count.
     */
    private void authRefused(Reply reply) {
        boolean credentialsTried = reply.code() == 535 || reply.code() == 501 && !"5.5.4".equals(reply.enhanced());
        if (!credentialsTried) {
            return;
        }
        if (++authFailures >= MAX_AUTH_FAILURES) {
            record.event(authFailures + " failed AUTH attempts, closing the connection");
            send(Reply.TOO_MANY_AUTH_FAILURES);
            ending = true;
        }
    }

    /**
     * A bug of ours (an unchecked exception or an error inside the session) must not drop the connection silently:
     * the client gets {@code 421 4.3.0} and the connection closes; the cause goes into the session's transcript, where
     * the test author sees it; the listener goes on serving.
     */
    private void internalError(Throwable e) {
        try {
            record.event("internal error, connection closed: " + describe(e));
            send(Reply.INTERNAL_ERROR);
            wire.flush();
        } catch (RuntimeException | Error again) {
            // best effort: the connection closes in any case
        }
    }

    /** @return the exception, its causes and the first frames of its stack, on one line */
    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) {
            b.append(i == 0 ? " at " : " <- ").append(frames[i]);
        }
        Throwable c = e.getCause();
        for (int i = 0; c != null && i < 5; i++, c = c.getCause()) { // at most five: a cycle of causes must not hang
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }

    /**
     * BDAT (see {@link BdatCommand}). The chunk's octets follow the command line whatever the answer, so they are read
     * first (kept if the chunk is accepted, dropped if not), then the chunk is answered like any command. Scripted
     * rules see the first chunk of a message at the DATA stage (an accepting reply there is for the 354 of DATA and
     * does not apply) and the end of the LAST chunk at END_OF_DATA, as for DATA. A refused chunk fails the transaction.
     */
    private void chunk(String argument) throws IOException {
        BdatCommand.Chunk chunk;
        try {
            chunk = BdatCommand.parse(argument);
        } catch (ReplyException e) {
            // Without a size the server cannot know where the chunk ends: any octet it read as a command could be
            // message content, so it closes the connection after the 501.
            send(e.reply());
            send(BdatCommand.CANNOT_SYNC);
            ending = true;
            return;
        }
        Transaction t = state.transaction();
        Reply refusal = state.phase().refusal(Verb.BDAT, state);
        Outcome outcome = null;
        if (refusal == null) {
            try {
                outcome = BdatCommand.bdat(state, chunk, chunks == null ? 0 : chunks.size());
            } catch (ReplyException e) {
                refusal = e.reply();
            }
        }
        if (outcome != null && chunks == null) {
            chunks = new ChunkedMessage(t, new ContentBuffer(options.spillThreshold()));
        }
        if (chunk.octets() > 0) {
            inData = true;
            wire.scan(outcome != null ? chunks.chunk(chunk.octets()) : ChunkedMessage.skip(chunk.octets()),
                    options.dataTimeout().toNanos());
            inData = false;
        }
        record.event("chunk of " + chunk.octets() + " octets" + (outcome == null ? ", dropped" : ""));
        int before = t == null ? 0 : t.chunks;
        if (refusal != null) {
            send(refusal);
        } else {
            exchange(before == 0 ? SmtpStage.DATA : null, outcome);
        }
        if (t != null && t.chunks == before && state.transaction() == t) {
            state.endTransaction(); // refused by the server or the script: the transaction failed (RFC 3030)
        }
    }

    /** After the LAST chunk: the end-of-message exchange, as after the final dot of DATA. */
    private void endOfChunks(Transaction t) throws IOException {
        ChunkedMessage message = chunks;
        chunks = null;
        try (message) {
            record.event("message content, " + message.size() + " octets in " + t.chunks + " chunks");
            Outcome outcome;
            try {
                outcome = DataCommand.endOfData(state, t, message, message.buffer(), this::store);
            } catch (ReplyException e) {
                send(e.reply());
                return;
            }
            exchange(SmtpStage.END_OF_DATA, outcome);
        }
    }

    /** Drops the chunks of a transaction that ended without its LAST chunk (RSET, EHLO, a refused chunk). */
    private void releaseAbandonedChunks() {
        if (chunks != null && chunks.transaction() != state.transaction()) {
            chunks.close();
            chunks = null;
        }
    }

    /** Hands the client's answer to a 334 challenge to the AUTH exchange waiting for it; the line is masked. */
    private void answer(AuthCommand.Exchange sasl, Wire.Line line) throws IOException {
        record.client("***");
        state.endSasl(); // the line is used up; a next challenge sets a new exchange in its commit
        if (line.bareLf() && !options.lenientLineEndings()) {
            send(Reply.BARE_LF_COMMAND);
            return;
        }
        Outcome outcome;
        try {
            outcome = sasl.answer(state, line.text());
        } catch (ReplyException e) {
            send(e.reply());
            authRefused(e.reply());
            return;
        }
        exchange(SmtpStage.AUTH, outcome);
    }

    /**
     * Runs the TLS handshake (after the 220 to STARTTLS, or first thing on an implicit-TLS connection) and starts
     * the session over.
     *
     * @return false if the handshake failed: the session ends, the server goes on serving others
     */
    private boolean startTls() {
        try {
            SSLContext context = options.sslContext() != null ? options.sslContext()
                    : LocalhostCertificate.get().serverContext();
            SSLSession tls = wire.upgradeToTls(context);
            state.startTls(new SessionState.TlsFacts(tls.getProtocol(), tls.getCipherSuite()));
            record.event("TLS started: " + tls.getProtocol() + " " + tls.getCipherSuite());
            return true;
        } catch (IOException | RuntimeException e) {
            record.event("TLS handshake failed: " + e.getMessage());
            ending = true;
            return false;
        }
    }

    /** The one place every accepted command passes: the script, then the change, the reply and what follows. */
    private void exchange(SmtpStage stage, Outcome outcome) throws IOException {
        SmtpEffect effect = stage == null || outcome.kind() == Outcome.Kind.CHALLENGE ? null
                : host.scripted(stage, outcome.subject(), record);
        Reply custom = null;
        if (effect instanceof SmtpEffect.Reply r) {
            Reply scripted = new Reply(r.code(), null, r.lines());
            if (r.refuses()) {
                refuse(stage, scripted);
                return;
            }
            custom = scripted;
        } else if (effect instanceof SmtpEffect.Disconnect) {
            wire.flush();
            record.event("connection closed without a reply");
            ending = true;
            return;
        } else if (effect instanceof SmtpEffect.Stall) {
            stall();
            return;
        } else if (effect instanceof SmtpEffect.Delay d) {
            pause(d.duration());
            if (ending) {
                return;
            }
        }
        Transaction transaction = state.transaction();
        Reply reply = outcome.commit().get();
        boolean chunk = outcome.kind() == Outcome.Kind.CHUNK || outcome.kind() == Outcome.Kind.LAST_CHUNK;
        if (reply != null) {
            send(custom != null && reply.isPositive() && !chunk ? custom : reply);
        }
        switch (outcome.kind()) {
            case DATA -> receive(transaction);
            case LAST_CHUNK -> endOfChunks(transaction);
            case CLOSE -> ending = true;
            case START_TLS -> startTls();
            default -> { }
        }
    }

    private void refuse(SmtpStage stage, Reply reply) {
        send(reply);
        if (reply.code() == 421) {
            ending = true; // 421: the service is closing the transmission channel (RFC 5321 section 3.8)
        } else if (stage == SmtpStage.CONNECT) {
            state.refuseService();
        }
    }

    /** Reads the message after the 354 and runs the end-of-data exchange. Nothing half-read is ever stored. */
    private void receive(Transaction t) throws IOException {
        try (ContentBuffer buffer = new ContentBuffer(options.spillThreshold())) {
            DataReader reader = new DataReader(buffer, options.maxMessageSize());
            inData = true;
            wire.scan(reader, options.dataTimeout().toNanos());
            inData = false;
            record.event("message content, " + reader.size() + " octets");
            Outcome outcome;
            try {
                outcome = DataCommand.endOfData(state, t, reader, buffer, this::store);
            } catch (ReplyException e) {
                send(e.reply());
                return;
            }
            exchange(SmtpStage.END_OF_DATA, outcome);
        }
    }

    private long store(Envelope envelope, RawContent content) {
        host.deliver(envelope, content, record);
        return listener.nextMessageId();
    }

    private void send(Reply reply) {
        Reply sent = onWire(reply);
        record.server(sent);
        wire.queue(sent.encode());
    }

    /** @return the reply as sent: without its enhanced status code if ENHANCEDSTATUSCODES is turned off */
    private Reply onWire(Reply reply) {
        return enhancedCodes || reply.enhanced() == null ? reply : new Reply(reply.code(), null, reply.lines());
    }

    /** Stops answering: reads and drops whatever comes until the client or the server closes the connection. */
    private void stall() throws IOException {
        wire.flush();
        record.event("stalled: no more replies");
        ending = true;
        try {
            wire.drain();
            record.event("connection closed by the client");
        } catch (SocketTimeoutException e) {
            record.event("stalled session idle for " + options.idleTimeout() + ", closed");
        }
    }

    private void pause(Duration duration) {
        wire.flush();
        try {
            if (closing.await(duration.toNanos(), TimeUnit.NANOSECONDS)) {
                ending = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ending = true;
        }
    }

    /** Called by the listener on close: answers 421 (after anything queued) and closes the connection. */
    void shutdown() {
        closing.countDown();
        Reply bye = onWire(Reply.SHUTTING_DOWN);
        record.server(bye);
        wire.finish(bye.encode());
        wire.closeAbruptly();
    }

    /**
     * Called by the listener's watchdog: disconnects the client if a reply has waited unread longer than the write
     * timeout.
     *
     * @param now {@code System.nanoTime()}
     */
    void checkWrites(long now) {
        if (wire.writeBlockedLongerThan(now, options.writeTimeout().toNanos())) {
            record.event("the client did not read its replies for " + options.writeTimeout() + ", disconnected");
            abort();
        }
    }

    /** Called by the listener when {@link #shutdown()} could not finish: closes the socket, ending blocked I/O. */
    void abort() {
        closing.countDown();
        wire.closeAbruptly();
    }

    private static String abbreviate(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }
}
