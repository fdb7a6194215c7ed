package dev.letterbox.internal.smtp;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;
import dev.letterbox.testing.SmtpTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the dialogue tests: a fresh server for each test, started with {@link #options()}, and a client for it. */
abstract class ServerPerTest {
    SmtpServer server;

    /** @return the options of the server each test gets; the defaults unless a test class says otherwise */
    ServerOptions options() {
        return ServerOptions.defaults();
    }

    @BeforeEach
    void startServer() {
        server = SmtpServer.start(options());
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    /** @return a client that has read the greeting and said EHLO */
    SmtpTestClient connectEhlo() {
        return SmtpTestClient.connectEhlo(server.host(), server.port());
    }
}
