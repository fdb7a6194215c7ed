package dev.letterbox.internal.junit;

import dev.letterbox.Mailbox;
import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A server kept in JUnit's {@code ExtensionContext.Store}. JUnit closes it when the context that owns it ends: after
 * the test for a per-test server, after {@code @AfterAll} for a per-class one. JUnit 5.13 and later close stored
 * {@link AutoCloseable} values (unless {@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}); 5.10
 * to 5.12 close only {@code CloseableResource} values, deprecated since 5.13. Being both, a handle is closed exactly
 * once on every line, whatever that parameter says.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only interface JUnit 5.10 to 5.12 close
final class ServerHandle implements AutoCloseable, ExtensionContext.Store.CloseableResource {
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
