package dev.letterbox.internal.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodedWordsTest {

    @Test
    void decodesAsJakartaMailDoes() throws Exception {
        List<String> cases = List.of("plain", "=?UTF-8?B?V2VsY29tZSwgQW5uIOKclA==?=", "=?UTF-8?Q?caf=C3=A9_au_lait?=",
                "a =?UTF-8?Q?b?= =?UTF-8?Q?c?= d", "=?UTF-8?Q?b?=\t\r\n =?UTF-8?Q?c?=", "=?ISO-8859-1?Q?=E9t=E9?=",
                "=?utf-8*en?q?x?=", "=?UTF-8?Q??=", "=?UTF-8?B?broken!!?=", "=?UTF-8?Q?a?=tail", "=?bad", "=?UTF-8?",
                "=?UTF-8?Q?unterminated", "x=?UTF-8?Q?inside?=y", "  =?UTF-8?Q?lead?=  ", "=?iso-2022-jp?B?GyRCJEYbKEI=?=");
        for (String c : cases) {
            assertThat(EncodedWords.decode(c)).as("decoding of %s", c).isEqualTo(MimeUtility.decodeText(c));
        }
    }

    @Test
    void decodesRandomValuesAsJakartaMailDoes() throws Exception {
        Random random = new Random(7);
        String[] pieces = {"=?", "?=", "UTF-8", "?Q?", "?B?", "=C3=A9", "YWJj", "_", " ", "\t", "a", "?", "="};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            String c = sb.toString();
            String expected;
            try {
                expected = MimeUtility.decodeText(c);
            } catch (UnsupportedEncodingException e) {
                assertThatThrownBy(() -> EncodedWords.decode(c)).as("decoding of %s", c)
                        .isInstanceOf(UnsupportedEncodingException.class);
                continue;
            }
            assertThat(EncodedWords.decode(c)).as("decoding of %s", c).isEqualTo(expected);
        }
    }

    @Test
    void anUnknownCharsetFailsAsInJakartaMail() {
        assertThatThrownBy(() -> EncodedWords.decode("=?x-no-such-charset?Q?a?="))
                .isInstanceOf(UnsupportedEncodingException.class);
    }
}
