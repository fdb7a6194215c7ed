package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;

/**
 * One SMTP connection: reads command lines, dispatches each verb to its handler, and holds the session state
 * (greeting name, current transaction). Replies are batched while the client has pipelined more commands and flushed
 * with one write when it has not.
 */
final class SmtpSession implements Runnable {
    /**
     * The handler of each verb. A switch rather than a map built at class initialisation: each method reference is
     * then linked on the first use of its verb, not all eleven before the first greeting (in a fresh JVM that cost
     * 3-7 ms of the time to the 220).
     */
    private static Command command(String verb) {
        return switch (verb) {
            case "EHLO" -> HelloCommands::ehlo;
            case "HELO" -> HelloCommands::helo;
            case "MAIL" -> TransactionCommands::mail;
            case "RCPT" -> TransactionCommands::rcpt;
            case "DATA" -> DataCommand::data;
            case "RSET" -> BasicCommands::rset;
            case "NOOP" -> BasicCommands::noop;
            case "QUIT" -> BasicCommands::quit;
            case "VRFY" -> BasicCommands::vrfy;
            case "HELP" -> BasicCommands::help;
            case "EXPN" -> BasicCommands::notImplemented;
            default -> null;
        };
    }

    private final Socket socket;
    private final SmtpListener listener;
    private final ServerOptions options;
    private final SmtpInput input;
    private final OutputStream out;
    private final Object writeLock = new Object();
    private final byte[] pending = new byte[16 * 1024];
    private int pendingLength;
    private boolean closedForWriting;

    private String helo;
    private boolean extended;
    private Transaction transaction;
    private boolean ending;

    SmtpSession(Socket socket, SmtpListener listener) throws IOException {
        this.socket = socket;
        this.listener = listener;
        this.options = listener.options();
        this.input = new SmtpInput(socket.getInputStream(), this::flush);
        this.out = socket.getOutputStream();
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, options.idleTimeout().toMillis()));
            replyNow(Reply.of(220, null, options.serverName() + " ESMTP Letterbox ready"));
            while (!ending) {
                String line = input.readCommandLine(options.maxCommandLineLength());
                if (line == null) {
                    break;
                }
                dispatch(line);
            }
            flush();
        } catch (SocketTimeoutException e) {
            replyNow(Reply.IDLE_TIMEOUT);
        } catch (IOException e) {
            // the client went away, or the server is closing: nothing to answer
        } finally {
            closeSocket();
            listener.ended(this);
        }
    }

    private void dispatch(String line) throws IOException {
        if (line == SmtpInput.TOO_LONG) {
            reply(Reply.LINE_TOO_LONG);
            return;
        }
        if (input.lastLineEndedInBareLf() && !options.lenientLineEndings()) {
            reply(Reply.BARE_LF_COMMAND);
            return;
        }
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1);
        Command command = command(verb);
        if (command == null) {
            reply(Reply.of(500, "5.5.2", "Error: command not recognized: \"" + abbreviate(verb) + "\""));
            return;
        }
        try {
            command.handle(this, argument);
        } catch (ReplyException e) {
            reply(e.reply());
        }
    }

    // ---- state, for the command handlers

    ServerOptions options() {
        return options;
    }

    SmtpInput input() {
        return input;
    }

    MessageSink sink() {
        return listener.sink();
    }

    String helo() {
        return helo;
    }

    boolean extended() {
        return extended;
    }

    Transaction transaction() {
        return transaction;
    }

    void greet(String name, boolean ehlo) {
        helo = name;
        extended = ehlo;
        transaction = null;
    }

    void begin(Transaction t) {
        transaction = t;
    }

    void resetTransaction() {
        transaction = null;
    }

    void endAfterReply() {
        ending = true;
    }

    long nextMessageId() {
        return listener.nextMessageId();
    }

    // ---- replies

    /**
     * Queues a reply. Queued replies are written in one flush when the session is about to wait for more input (so
     * the replies to a pipelined group leave together), when the session ends, or by {@link #replyNow}.
     */
    void reply(Reply reply) {
        synchronized (writeLock) {
            byte[] b = reply.encode();
            if (pendingLength + b.length > pending.length) {
                flushLocked();
            }
            if (b.length > pending.length) {
                writeLocked(b, b.length);
            } else {
                System.arraycopy(b, 0, pending, pendingLength, b.length);
                pendingLength += b.length;
            }
            if (ending) {
                flushLocked();
            }
        }
    }

    /** Writes a reply and everything queued before it at once. */
    void replyNow(Reply reply) {
        synchronized (writeLock) {
            reply(reply);
            flushLocked();
        }
    }

    private void flush() {
        synchronized (writeLock) {
            flushLocked();
        }
    }

    private void flushLocked() {
        if (pendingLength > 0) {
            writeLocked(pending, pendingLength);
            pendingLength = 0;
        }
    }

    private void writeLocked(byte[] b, int len) {
        if (closedForWriting) {
            return;
        }
        try {
            out.write(b, 0, len);
            out.flush();
        } catch (IOException e) {
            closedForWriting = true;
        }
    }

    /** Called by the listener on close: answers 421 (after anything queued) and closes the connection. */
    void shutdown() {
        synchronized (writeLock) {
            flushLocked();
            writeLocked(Reply.SHUTTING_DOWN.encode(), Reply.SHUTTING_DOWN.encode().length);
            closedForWriting = true;
        }
        closeSocket();
    }

    /** Called by the listener when {@link #shutdown()} could not finish: closes the socket, ending blocked I/O. */
    void abort() {
        closeSocket();
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 32 ? s.substring(0, 32) + "..." : s;
    }
}
