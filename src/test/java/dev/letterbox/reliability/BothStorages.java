package dev.letterbox.reliability;

import dev.letterbox.ServerOptions;
import dev.letterbox.SmtpServer;

/**
 * Two servers, to run the same checks on both ways a message is held: one keeps every message on the heap, the other
 * spills every message above 1 KB to a temporary file.
 */
final class BothStorages implements AutoCloseable {
    /** The spill threshold of the spilling server. */
    static final int SPILL_THRESHOLD = 1024;

    private final SmtpServer heap = SmtpServer.start();
    private final SmtpServer file = SmtpServer.start(ServerOptions.builder().spillThreshold(SPILL_THRESHOLD).build());

    /**
     * @param spilled whether the server spills
     * @return the server keeping messages on the heap, or the spilling one
     */
    SmtpServer server(boolean spilled) {
        return spilled ? file : heap;
    }

    @Override
    public void close() {
        heap.close();
        file.close();
    }
}
