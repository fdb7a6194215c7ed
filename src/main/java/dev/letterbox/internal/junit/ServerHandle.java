package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.util.function.Consumer;

/**
 * A server kept in JUnit's {@code ExtensionContext.Store}. JUnit closes it, being {@link AutoCloseable}, when the
 * context that owns it ends: after the test for a per-test server, after {@code @AfterAll} for a per-class one.
 */
final class ServerHandle implements AutoCloseable {
    private final SmtpServer server;
    private final Consumer<ServerHandle> onClose;

    private ServerHandle(SmtpServer server, Consumer<ServerHandle> onClose) {
        this.server = server;
        this.onClose = onClose;
    }

    static ServerHandle start(ServerOptions options, Consumer<ServerHandle> onStart, Consumer<ServerHandle> onClose) {
        ServerHandle handle = new ServerHandle(SmtpServer.start(options), onClose);
        onStart.accept(handle);
        return handle;
    }

    Mailbox mailbox() {
        return server.mailbox();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public String toString() {
        return "ServerHandle{" + server + "}";
    }
}
