package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Accepts connections on one bound socket and runs a {@link SmtpSession} per connection on a session thread of this
 * listener: a thread whose session ended parks, and serves the next connection if the acceptor hands it one within
 * {@link #IDLE_THREAD_MILLIS}, and ends otherwise (starting a thread costs more than the greeting). The hand-over is
 * a few lines of our own (a stack of idle threads under one lock, {@link LockSupport#parkNanos} and
 * {@link LockSupport#unpark}), not an executor: a server that only starts and stops loads no executor classes, and a
 * connection costs one unpark. Threads are daemon and named {@code letterbox-smtp-<port>-<n>}; no thread serves two
 * listeners. {@link #close()} answers 421 to live sessions, closes every socket, wakes the idle threads and returns
 * once every thread it started has ended.
 */
public final class SmtpListener implements AutoCloseable {
    private static final long SHUTDOWN_GRACE_MILLIS = 2_000;
    /** Consecutive failures of accept (each after a short pause) before the listener gives up and says why. */
    static final int MAX_ACCEPT_FAILURES = 200;
    private static final long ACCEPT_BACKOFF_MILLIS = 10;
    /** How long a thread whose session ended waits for the next connection before it ends. */
    static final long IDLE_THREAD_MILLIS = 500;
    private final ServerOptions options;
    private final SessionHost host;
    private final ServerSocket serverSocket;
    private final Thread acceptor;
    private final Set<SmtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong();
    private volatile boolean closed;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile Throwable failure;
    private final Consumer<Thread> threadStarter;
    private final long idleThreadNanos;
    /** Guards {@link #idle} and the hand-over of a session to a thread in it ({@link SessionThread#next}). */
    private final Object handOver = new Object();
    /** Session threads waiting for a session, the most recently idle first; none once closed. */
    private final ArrayDeque<SessionThread> idle = new ArrayDeque<>();

    private SmtpListener(ServerOptions options, SessionHost host, ServerSocket serverSocket,
                         Consumer<Thread> threadStarter, long idleThreadMillis) {
        this.options = options;
        this.threadStarter = threadStarter;
        this.idleThreadNanos = TimeUnit.MILLISECONDS.toNanos(idleThreadMillis);
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
        return start(options, host, Thread::start, IDLE_THREAD_MILLIS);
    }

    /** As {@link #start(ServerOptions, SessionHost)}, with another time an idle session thread waits (for tests). */
    static SmtpListener start(ServerOptions options, SessionHost host, long idleThreadMillis) {
        return start(options, host, Thread::start, idleThreadMillis);
    }

    /**
     * As {@link #start(ServerOptions, SessionHost)}, with the way session threads are started replaced (tests make it
     * fail as a process out of threads does).
     */
    static SmtpListener start(ServerOptions options, SessionHost host, Consumer<Thread> starter) {
        return start(options, host, starter, IDLE_THREAD_MILLIS);
    }

    private static SmtpListener start(ServerOptions options, SessionHost host, Consumer<Thread> starter,
                                      long idleThreadMillis) {
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
        SmtpListener listener = new SmtpListener(options, host, ss, starter, idleThreadMillis);
        listener.acceptor.start();
        return listener;
    }

    /** @return the bound address as an IP literal */
    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    /** Closes the bound socket without closing the listener, as a failing network stack would; for tests. */
    void breakSocketForTests() throws IOException {
        serverSocket.close();
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
        // the acceptor is also the watchdog of blocked writes: it checks them at least once a tick
        long tick = Math.max(10, Math.min(1000, options.writeTimeout().toMillis() / 4));
        try {
            serverSocket.setSoTimeout((int) tick);
        } catch (IOException e) {
            if (!closed) {
                failure = e; // the socket broke before the first accept
            }
            return;
        }
        long lastCheck = System.nanoTime();
        int failures = 0;
        while (!closed) {
            Socket socket = null;
            try {
                socket = serverSocket.accept();
                failures = 0;
            } catch (SocketTimeoutException e) {
                // a tick without a connection
            } catch (IOException | RuntimeException | Error e) {
                // out of file descriptors, or of memory in a flood: wait a moment and go on, unless it lasts
                if (closed || ++failures >= MAX_ACCEPT_FAILURES || !pause(ACCEPT_BACKOFF_MILLIS)) {
                    if (!closed) {
                        failure = e;
                    }
                    break;
                }
            }
            long now = System.nanoTime();
            if (now - lastCheck >= TimeUnit.MILLISECONDS.toNanos(tick)) {
                lastCheck = now;
                sessions.forEach(s -> s.checkWrites(now));
            }
            if (socket != null) {
                serve(socket);
            }
        }
    }

    /**
     * Starts a session for a connection, or refuses it: {@code 421 4.3.2} when the server already has
     * {@code maxConnections} sessions, or when it cannot start one now (no thread, no memory). A failure costs only
     * the connection that hit it.
     */
    private void serve(Socket socket) {
        if (sessions.size() >= options.maxConnections()) {
            refuse(socket, Reply.TOO_MANY_CONNECTIONS);
            return;
        }
        SmtpSession session = null;
        try {
            session = new SmtpSession(socket, this);
            sessions.add(session);
            start(session);
        } catch (IOException e) {
            closeQuietly(socket);
        } catch (RuntimeException | Error e) {
            if (session != null) {
                sessions.remove(session);
            }
            refuse(socket, Reply.of(421, "4.3.2", "Cannot serve this connection now (" + e
                    + "); try again later"));
        }
    }

    /**
     * Starts the session on a session thread: the most recently idle one, woken with the session, else a new one
     * started through the thread starter (whose failure, such as an {@code OutOfMemoryError} of a process out of
     * threads, the caller answers with 421).
     */
    private void start(SmtpSession session) {
        SessionThread waiting;
        synchronized (handOver) {
            waiting = idle.pollFirst();
            if (waiting != null) {
                waiting.next = session;
            }
        }
        if (waiting != null) {
            LockSupport.unpark(waiting);
            return;
        }
        SessionThread fresh = new SessionThread(session, nextName());
        register(fresh);
        try {
            threadStarter.accept(fresh);
        } catch (RuntimeException | Error e) {
            threads.remove(fresh);
            throw e;
        }
    }

    /** Runs its first session, then every session the acceptor hands it while idle, until it waits in vain. */
    private final class SessionThread extends Thread {
        /** The session handed over while idle; guarded by {@link #handOver}. */
        private SmtpSession next;
        private SmtpSession first; // dropped once taken: an idle thread keeps no ended session (nor its buffers)

        SessionThread(SmtpSession first, String name) {
            super(name);
            this.first = first;
        }

        @Override
        public void run() {
            SmtpSession session = first;
            first = null;
            while (session != null) {
                session.run();
                session = null; // not held while parked
                // a session's interrupt must not reach the next one (nor make parkNanos return at once, spinning)
                Thread.interrupted();
                session = awaitNext(this);
            }
        }
    }

    /**
     * Parks the calling session thread among the idle ones until the acceptor hands it a session, the idle time runs
     * out or the listener closes.
     *
     * @return the next session, or null when the thread should end
     */
    private SmtpSession awaitNext(SessionThread self) {
        synchronized (handOver) {
            if (closed) {
                return null;
            }
            self.next = null;
            idle.addFirst(self);
        }
        long deadline = System.nanoTime() + idleThreadNanos;
        while (true) {
            long left;
            synchronized (handOver) {
                if (self.next != null) {
                    return self.next; // the acceptor took it off the idle stack
                }
                left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    idle.remove(self);
                    return null;
                }
            }
            LockSupport.parkNanos(this, left); // returns early on unpark (or spuriously): the loop looks again
        }
    }

    /** Wakes every idle session thread so that it sees the listener closed and ends; none parks after this. */
    private void wakeIdleThreads() {
        List<SessionThread> woken;
        synchronized (handOver) {
            woken = new ArrayList<>(idle);
            idle.clear();
        }
        woken.forEach(LockSupport::unpark);
    }

    /** Answers one reply to a connection without a session and closes it (a short write to a new socket). */
    private static void refuse(Socket socket, Reply reply) {
        try {
            socket.getOutputStream().write(reply.encode());
            socket.getOutputStream().flush();
        } catch (IOException | RuntimeException ignored) {
            // the client left already
        } finally {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection was already gone
        }
    }

    /** Waits a little unless the listener closes meanwhile; returns false if it did. */
    private boolean pause(long millis) {
        try {
            return !closedSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Thread newThread(Runnable r) {
        return register(new Thread(r, nextName()));
    }

    private String nextName() {
        return "letterbox-smtp-" + port() + "-" + threadCount.getAndIncrement();
    }

    private Thread register(Thread t) {
        threads.removeIf(old -> !old.isAlive() && old.getState() == Thread.State.TERMINATED);
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
     * Returns why the listener stopped accepting connections on its own (accept kept failing), if it did.
     *
     * @return the last failure, or null while it accepts (or after a normal close)
     */
    public Throwable failure() {
        return failure;
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
        synchronized (handOver) {
            closed = true; // under the hand-over lock: no thread joins the idle stack after this
        }
        closedSignal.countDown();
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
        wakeIdleThreads(); // idle threads end while the acceptor does; a busy one ends after its session
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
