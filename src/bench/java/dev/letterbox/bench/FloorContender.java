package dev.letterbox.bench;

import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;

/** The counting sink: the floor every ratio is computed against. */
final class FloorContender implements Contender {
    @Override
    public String name() {
        return "floor";
    }

    @Override
    public Running start() throws Exception {
        CountingSink sink = CountingSink.start();
        return new Running() {
            @Override
            public int port() {
                return sink.port();
            }

            @Override
            public int count() {
                return sink.messages();
            }

            @Override
            public MimeMessage parsed(int i) {
                throw new UnsupportedOperationException("the floor stores nothing");
            }

            @Override
            public InputStream attachmentStream() {
                throw new UnsupportedOperationException("the floor stores nothing");
            }

            @Override
            public void close() {
                sink.close();
            }
        };
    }
}
