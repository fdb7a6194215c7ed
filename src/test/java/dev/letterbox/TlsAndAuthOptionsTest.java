package dev.letterbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.letterbox.testing.SmtpTestClient;
import java.io.UncheckedIOException;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** The TLS and AUTH options: validation, printing without passwords, and what the mailbox's properties say. */
class TlsAndAuthOptionsTest {

    @Test
    void usersAreGivenAsNameColonPasswordAndThePasswordMayContainColons() {
        ServerOptions options = ServerOptions.builder().users("alice:secret", "bob:a:b").user("carol", "pw").build();

        assertThat(options.users()).containsExactly(java.util.Map.entry("alice", "secret"),
                java.util.Map.entry("bob", "a:b"), java.util.Map.entry("carol", "pw"));
    }

    @Test
    void malformedOrRepeatedUsersAreRefusedWithTheFormat() {
        assertThatThrownBy(() -> ServerOptions.builder().users("alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"name:password\"");
        assertThatThrownBy(() -> ServerOptions.builder().users(":secret"))
                .hasMessageContaining("without a name");
        assertThatThrownBy(() -> ServerOptions.builder().users("alice:a", "alice:b"))
                .hasMessageContaining("\"alice\" is given twice");
        assertThatThrownBy(() -> ServerOptions.builder().user("a:b", "pw")).hasMessageContaining("must not");
    }

    @Test
    void optionsPrintUserNamesButNeverPasswords() {
        ServerOptions options = ServerOptions.builder().users("alice:secret").tls(TlsMode.REQUIRED).build();

        assertThat(options.toString()).contains("users=[alice:***]", "tls=REQUIRED").doesNotContain("secret");
        assertThat(options).isNotEqualTo(ServerOptions.builder().users("alice:other").tls(TlsMode.REQUIRED).build());
    }

    @Test
    void requiredAuthenticationWithoutUsersIsRefused() {
        assertThatThrownBy(() -> ServerOptions.builder().authRequired(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs at least one user");
    }

    @Test
    void anSslContextWithoutTlsIsRefused() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        assertThatThrownBy(() -> ServerOptions.builder().sslContext(context).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls is OFF");
    }

    @Test
    void mailboxPropertiesSayHowToUseTlsAndAuth() {
        ServerOptions options = ServerOptions.builder().tls(TlsMode.REQUIRED).users("alice:secret").build();
        try (SmtpServer server = SmtpServer.start(options)) {
            Properties p = server.mailbox().smtpProperties();

            assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
            assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
            assertThat(p.getProperty("mail.smtp.auth")).isEqualTo("true");
            assertThat(p.get("mail.smtp.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
            assertThat(p.getProperty("mail.smtp.ssl.enable")).isNull();
        }
        try (SmtpServer plain = SmtpServer.start()) {
            Properties p = plain.mailbox().smtpProperties();
            assertThat(p).doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.auth",
                    "mail.smtp.ssl.socketFactory");
        }
    }

    @Test
    void ownSslContextIsWhatTheServerHandshakesWith() throws Exception {
        SSLContext withoutKey = SSLContext.getInstance("TLS");
        withoutKey.init(null, null, null); // no certificate to present: every handshake fails
        ServerOptions options = ServerOptions.builder().tls(TlsMode.OFFERED).sslContext(withoutKey).build();
        try (SmtpServer server = SmtpServer.start(options)) {
            assertThat(server.mailbox().smtpProperties()).doesNotContainKey("mail.smtp.ssl.socketFactory");
            try (SmtpTestClient c = SmtpTestClient.connectEhlo(server.host(), server.port())) {
                c.command("STARTTLS").assertCode(220);
                assertThatThrownBy(() -> c.startTls(TlsCertificate.localhost().clientSslContext()))
                        .isInstanceOf(UncheckedIOException.class);
            }
        }
    }

    @Test
    void builtInCertificateIsForLocalhostAndItsLoopbackAddresses() throws Exception {
        TlsCertificate cert = TlsCertificate.localhost();

        assertThat(cert.x509Certificate().getSubjectAlternativeNames()).extracting(l -> (Object) l.get(1))
                .containsExactlyInAnyOrder((Object) "localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(cert.pem()).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(cert.trustStore().getCertificate("letterbox-localhost")).isEqualTo(cert.x509Certificate());
        assertThat(cert.clientSslContext()).isSameAs(TlsCertificate.localhost().clientSslContext());
    }
}
