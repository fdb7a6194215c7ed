package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accepts connections on one bound socket and runs a {@link SmtpSession} per connection on a thread of its own.
 * Threads are daemon and named {@code letterbox-smtp-<port>-<n>}; {@link #close()} answers 421 to live sessions,
 * closes every socket and returns once every thread it started has ended.
 */
public final class SmtpListener implements AutoCloseable {
    private static final long SHUTDOWN_GRACE_MILLIS = 2_000;
    private final ServerOptions options;
    private final SessionHost host;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<SmtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile boolean closed;

    private SmtpListener(ServerOptions options, SessionHost host, ServerSocket serverSocket) {
        this.options = options;
        this.host = host;
        this.serverSocket = serverSocket;
        this.acceptor = newThread(this::acceptLoop);
    }

    /**
     * Binds the socket and starts accepting; on return the port accepts connections.
     *
     * @param options the server options
     * @param host the script, transcripts and mailbox the sessions use
     * @return the running listener
     * @throws UncheckedIOException if the address cannot be bound, with the address in the message
     */
    public static SmtpListener start(ServerOptions options, SessionHost host) {
        ServerSocket ss = null;
        try {
            ss = new ServerSocket();
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(options.host()), options.port()), 128);
        } catch (IOException e) {
            if (ss != null) {
                try {
                    ss.close();
                } catch (IOException ignored) {
                    // the bind failure is what matters
                }
            }
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + " ("
                    + e.getMessage() + "); use port 0 for a random free port", e);
        }
        SmtpListener listener = new SmtpListener(options, host, ss);
        listener.acceptor.start();
        return listener;
    }

    /** @return the bound address as an IP literal */
    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** @return the bound port */
    public int port() {
        return serverSocket.getLocalPort();
    }

    ServerOptions options() {
        return options;
    }

    SessionHost sessionHost() {
        return host;
    }

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                break;
            }
            try {
                SmtpSession session = new SmtpSession(socket, this);
                sessions.add(session);
                newThread(session).start();
            } catch (IOException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the connection was already gone
                }
            }
        }
    }

    private Thread newThread(Runnable r) {
        threads.removeIf(t -> !t.isAlive() && t.getState() == Thread.State.TERMINATED);
        Thread t = new Thread(r, "letterbox-smtp-" + port() + "-" + threadCount.getAndIncrement());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    void ended(SmtpSession session) {
        sessions.remove(session);
    }

    /** @return true once {@link #close()} was called */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops accepting, answers {@code 421 4.3.2} to every live session, closes every socket and waits for every
     * thread to end. Idempotent; a concurrent second call returns only when the first has finished.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        join(List.of(acceptor));
        List<SmtpSession> live = new ArrayList<>(sessions);
        if (!live.isEmpty()) {
            // Writing the 421 blocks if a client does not read its replies; a thread of our own does it, and if it
            // has not finished after a grace period every socket is closed under it, which ends any blocked write.
            Thread closer = newThread(() -> live.forEach(SmtpSession::shutdown));
            closer.start();
            joinFor(closer, SHUTDOWN_GRACE_MILLIS);
            if (closer.isAlive()) {
                live.forEach(SmtpSession::abort);
            }
        }
        join(new ArrayList<>(threads));
    }

    private static void joinFor(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(List<Thread> list) {
        boolean interrupted = false;
        for (Thread t : list) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
