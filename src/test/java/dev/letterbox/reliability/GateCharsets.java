package dev.letterbox.reliability;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.charset.spi.CharsetProvider;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test charsets that hold up whoever decodes with them until the test lets go: an RFC 2047 word in such a charset
 * ({@code =?x-letterbox-gate-...?Q?text?=}) makes reading a header block at a point the test controls, with no sleep.
 * Registered as a {@link CharsetProvider} in the test class path; each {@link Gate} has a charset of its own.
 */
public final class GateCharsets extends CharsetProvider {
    private static final String PREFIX = "x-letterbox-gate-";
    private static final Map<String, Gate> GATES = new ConcurrentHashMap<>();

    @Override
    public Iterator<Charset> charsets() {
        return Collections.emptyIterator();
    }

    @Override
    public Charset charsetForName(String name) {
        Gate gate = GATES.get(name.toLowerCase(java.util.Locale.ROOT));
        return gate == null ? null : new GateCharset(name, gate);
    }

    /** A gate: decoding with its charset signals {@link #awaitEntered()} and then waits for {@link #release()}. */
    static final class Gate implements AutoCloseable {
        private final String charset = PREFIX + UUID.randomUUID();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private Gate() {
        }

        /** @return a new, closed gate */
        static Gate create() {
            Gate gate = new Gate();
            GATES.put(gate.charset, gate);
            return gate;
        }

        /** @return an RFC 2047 encoded word of the text in this gate's charset */
        String encodedWord(String asciiText) {
            return "=?" + charset + "?Q?" + asciiText.replace(' ', '_') + "?=";
        }

        /** Waits until some thread is decoding with this gate's charset (at most a minute). */
        void awaitEntered() throws InterruptedException {
            if (!entered.await(1, TimeUnit.MINUTES)) {
                throw new AssertionError("nobody decoded with " + charset + " within a minute");
            }
        }

        /** Lets every decoder through, now and later. */
        void release() {
            released.countDown();
        }

        @Override
        public void close() {
            release();
            GATES.remove(charset);
        }

        private void pass() {
            entered.countDown();
            try {
                if (!released.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the gate " + charset + " was not released within a minute");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at the gate " + charset, e);
            }
        }
    }

    private static final class GateCharset extends Charset {
        private final Gate gate;

        GateCharset(String name, Gate gate) {
            super(name, new String[0]);
            this.gate = gate;
        }

        @Override
        public boolean contains(Charset cs) {
            return cs.name().equals(name());
        }

        @Override
        public CharsetDecoder newDecoder() {
            return new CharsetDecoder(this, 1, 1) {
                @Override
                protected CoderResult decodeLoop(ByteBuffer in, CharBuffer out) {
                    gate.pass();
                    while (in.hasRemaining()) {
                        if (!out.hasRemaining()) {
                            return CoderResult.OVERFLOW;
                        }
                        out.put((char) (in.get() & 0x7f));
                    }
                    return CoderResult.UNDERFLOW;
                }
            };
        }

        @Override
        public CharsetEncoder newEncoder() {
            return StandardCharsets.US_ASCII.newEncoder();
        }
    }
}
