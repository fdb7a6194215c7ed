package dev.letterbox.bench;

import jakarta.mail.internet.MimeMessage;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.wiser.Wiser;

/** SubEthaSMTP's Wiser (the maintained fork), random port, otherwise its defaults. */
final class WiserContender implements Contender {
    @Override
    public String name() {
        return "wiser";
    }

    @Override
    public Running start() {
        Wiser wiser = Wiser.create(SMTPServer.port(0));
        wiser.start();
        return new Running() {
            @Override
            public int port() {
                return wiser.getServer().getPortAllocated();
            }

            @Override
            public int count() {
                return wiser.getMessages().size();
            }

            @Override
            public MimeMessage parsed(int i) throws Exception {
                return wiser.getMessages().get(i).getMimeMessage();
            }

            @Override
            public void close() {
                wiser.stop();
            }
        };
    }
}
