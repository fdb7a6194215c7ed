package dev.letterbox.internal.junit;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Per-test servers started while JUnit constructs a test instance with the <em>class's</em> context, and handed to
 * the test they were started for when its own context first asks.
 *
 * <p>JUnit 5.10 and 5.11 always give constructor parameter resolvers and {@code TestInstancePreConstructCallback}s
 * the context of the test class, and 5.12 and later do so unless an extension asks for
 * {@code ExtensionContextScope.TEST_METHOD} (an API those old lines do not have, so Letterbox cannot ask for it).
 * Under the default {@code PER_METHOD} test instance lifecycle JUnit constructs the instance for one test on the
 * thread that then runs that test's {@code beforeEach}, so a server started for the construction waits under the
 * current thread until that test's context adopts it. A server no test adopted (its constructor threw) is kept in the
 * class's store and closed with the class.
 */
final class InstantiationServers {
    private final ConcurrentMap<Thread, Waiting> waiting = new ConcurrentHashMap<>();

    /**
     * Returns the server for the test instance being constructed on this thread, starting it if needed. The instances
     * of one test ({@code @Nested}: the enclosing ones first) are each constructed once, with their own class's
     * context; a second construction with a context already seen belongs to a later test (the earlier one's
     * construction failed before its test could adopt the server), which gets a fresh server.
     *
     * @param classContext the class context JUnit passed
     * @param declaration the declaration that governs the construction
     * @param newInstance true when JUnit starts constructing an instance (pre-construct callback), false for its
     *     constructor's parameters
     * @param start starts a new server
     * @return the server
     */
    ServerHandle forConstruction(ExtensionContext classContext, Declaration declaration, boolean newInstance,
            Supplier<ServerHandle> start) {
        Thread thread = Thread.currentThread();
        Waiting w = waiting.get(thread);
        if (w != null && w.declaration.equals(declaration)
                && !(newInstance && w.constructed.contains(classContext.getUniqueId()))) {
            if (newInstance) {
                w.constructed.add(classContext.getUniqueId());
            }
            return w.handle;
        }
        if (w != null) {
            w.discard();
        }
        Waiting started = new Waiting(thread, declaration, start.get(), classContext.getStore(ExtensionCore.NAMESPACE));
        if (newInstance) {
            started.constructed.add(classContext.getUniqueId());
        }
        started.store.put(started, started);
        waiting.put(thread, started);
        return started.handle;
    }

    /**
     * Takes the server started on this thread for constructing the instance of the test now asking.
     *
     * @param declaration the declaration that governs the test
     * @return the server, empty if none waits (or it was started for another declaration, and is closed)
     */
    Optional<ServerHandle> adopt(Declaration declaration) {
        Waiting w = waiting.get(Thread.currentThread());
        if (w == null) {
            return Optional.empty();
        }
        if (!w.declaration.equals(declaration)) {
            w.discard();
            return Optional.empty();
        }
        waiting.remove(w.thread, w);
        w.store.remove(w);
        return Optional.of(w.handle);
    }

    /** One waiting server; closed with the class's store if no test adopted it (see {@link ServerHandle}). */
    @SuppressWarnings("deprecation") // CloseableResource: the only interface JUnit 5.10 to 5.12 close
    private final class Waiting implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        private final Thread thread;
        private final Declaration declaration;
        private final ServerHandle handle;
        private final ExtensionContext.Store store;
        /** The unique ids of the class contexts whose instance construction began with this server. */
        private final Set<String> constructed = new HashSet<>();

        Waiting(Thread thread, Declaration declaration, ServerHandle handle, ExtensionContext.Store store) {
            this.thread = thread;
            this.declaration = declaration;
            this.handle = handle;
            this.store = store;
        }

        void discard() {
            waiting.remove(thread, this);
            store.remove(this);
            handle.close();
        }

        @Override
        public void close() {
            waiting.remove(thread, this);
            handle.close();
        }

        @Override
        public String toString() {
            return "server waiting for its test on " + thread.getName() + ": " + handle;
        }
    }
}
