package dev.letterbox.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;

/** GreenMail, SMTP only, dynamic port on loopback (its test setup). */
final class GreenMailContender implements Contender {
    @Override
    public String name() {
        return "greenmail";
    }

    @Override
    public Running start() {
        GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return new Running() {
            @Override
            public int port() {
                return greenMail.getSmtp().getPort();
            }

            @Override
            public int count() {
                return greenMail.getReceivedMessages().length;
            }

            @Override
            public MimeMessage parsed(int i) {
                return greenMail.getReceivedMessages()[i];
            }

            @Override
            public void close() {
                greenMail.stop();
            }
        };
    }
}
