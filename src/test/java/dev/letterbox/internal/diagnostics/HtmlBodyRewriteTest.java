package dev.letterbox.internal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlBodyRewriteTest {
    private static final Function<String, String> LOGO = Map.of("logo@shop", "00-2-logo.png")::get;

    private static HtmlBodyRewrite.Result rewrite(String html) {
        return HtmlBodyRewrite.rewrite(html, LOGO);
    }

    @Test
    void cidUrlsPointAtTheFileOfThePartWithThatContentId() {
        HtmlBodyRewrite.Result r = rewrite("<img src=\"cid:logo@shop\"><img src='CID:logo%40shop'>"
                + "<div style=\"background:url(cid:logo@shop)\"></div><img srcset=\"cid:logo@shop 2x\">");

        assertThat(r.html()).isEqualTo("<img src=\"00-2-logo.png\"><img src=\"00-2-logo.png\">"
                + "<div style=\"background:url(&quot;00-2-logo.png&quot;)\"></div><img srcset=\"00-2-logo.png 2x\" >");
        assertThat(r.inlineResolved()).isEqualTo(4);
        assertThat(r.remoteBlocked()).isZero();
    }

    @Test
    void aCidUrlOfNoPartIsBlockedButNotCountedAsRemote() {
        HtmlBodyRewrite.Result r = rewrite("<img src=\"cid:missing@shop\">");

        assertThat(r.html()).isEqualTo("<img data-letterbox-blocked-src=\"cid:missing@shop\">");
        assertThat(r.otherBlocked()).isEqualTo(1);
        assertThat(r.remoteBlocked()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=\"http://t.example/p.gif\">", "<img src=HTTPS://t.example/p.gif>",
        "<img src=\"//t.example/p.gif\">", "<img src=\" \thttps://t.example/p.gif\">",
        "<img src=\"&#104;ttps://t.example/p.gif\">", "<td background=\"https://t.example/bg.png\">",
        "<video poster=\"https://t.example/v.png\">", "<link rel=stylesheet href=\"https://t.example/a.css\">",
        "<p style=\"background-image: URL( 'https://t.example/bg.png' )\">",
        "<style>p{background:url(https://t.example/bg.png)}</style>", "<style>@import 'https://t.example/a.css';</style>",
        "<svg><image href=\"https://t.example/i.png\"/></svg>", "<base href=\"https://t.example/\">"})
    void eachRemoteResourceIsBlockedAndCountedOnce(String html) {
        HtmlBodyRewrite.Result r = rewrite(html);

        assertThat(r.remoteBlocked()).as(r.html()).isEqualTo(1);
        assertThat(r.html()).doesNotContain("url(https", "url( 'https", "@import", " src=\"http", " src=HTTPS",
                " href=\"https://t.example");
    }

    @Test
    void everySrcsetCandidateIsCountedAndTheCidOnesKept() {
        HtmlBodyRewrite.Result r = rewrite("<img srcset=\"https://t.example/a.png 1x, cid:logo@shop 2x,"
                + " //t.example/c.png 3x\">");

        assertThat(r.remoteBlocked()).isEqualTo(2);
        assertThat(r.html()).startsWith("<img srcset=\"00-2-logo.png 2x\" data-letterbox-blocked-srcset=");
    }

    @Test
    void eventHandlersScriptLinksRefreshAndFormTargetsAreRemoved() {
        HtmlBodyRewrite.Result r = rewrite("<body onload=\"alert(1)\"><img src=x ONERROR=alert(2)>"
                + "<a href=\"jav&#x61;script:alert(3)\">a</a><a href=\" javascript:alert(4)\">b</a>"
                + "<meta http-equiv=\"refresh\" content=\"0;url=https://t.example/\">"
                + "<form action=\"https://t.example/\"><button formaction=\"https://t.example/b\">go</button></form>"
                + "<object data=\"https://t.example/x.swf\"></object><embed src=\"https://t.example/y\">"
                + "<iframe srcdoc=\"&lt;script&gt;alert(5)&lt;/script&gt;\"></iframe>");

        assertThat(r.html()).doesNotContainIgnoringCase("onload", "onerror")
                .doesNotContain(" href=\"jav", " href=\" javascript", " http-equiv=", " action=", " formaction=",
                        " data=\"https", " src=\"https", " srcdoc=")
                .contains("data-letterbox-blocked-http-equiv=\"refresh\"");
        assertThat(r.remoteBlocked()).isEqualTo(4);
    }

    @Test
    void ordinaryLinksTextAndTheRestOfTheMarkupStayAsWritten() {
        String html = "<p class=\"x\" title='a > b'>Fish &amp; chips <a href=\"https://shop.example/\">shop</a>"
                + "<!-- <img src=\"https://t.example/in-a-comment.gif\"> --> 2 < 3</p>";

        HtmlBodyRewrite.Result r = rewrite(html);

        assertThat(r.html()).isEqualTo(html);
        assertThat(r.remoteBlocked()).isZero();
    }

    @Test
    void unterminatedTagsQuotesCommentsAndStylesEndAtTheEndOfTheText() {
        assertThat(rewrite("<img src=\"https://t.example/a").html())
                .isEqualTo("<img data-letterbox-blocked-src=\"https://t.example/a\"");
        assertThat(rewrite("<!-- open").html()).isEqualTo("<!-- open");
        assertThat(rewrite("<style>p{background:url(https://t.example/").html()).isEqualTo("<style>p{background:url()");
        assertThat(rewrite("<a").html()).isEqualTo("<a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!--><meta http-equiv=refresh content=\"0;url=https://t/\">-->",
        "<!---><img src=https://t.example/x>-->", "<!-- a --!><img src=https://t.example/x>-->",
        "<!-- a ---!><img src=https://t.example/x>-->",
        "<title><!--</title><meta http-equiv=refresh content=\"0;url=https://t/\">-->",
        "<TiTlE><!--</tItLe ><img src=https://t.example/x>-->",
        "<textarea><!--</textarea><img src=https://t.example/x>-->",
        "<xmp><!--</xmp><img src=https://t.example/x>-->", "<noembed><!--</noembed><img src=https://t.example/x>-->",
        "<noframes><!--</noframes><img src=https://t.example/x>-->",
        "<iframe><!--</iframe><img src=https://t.example/x>-->", "<script><!--</script><img src=https://t.example/x>-->",
        "<!x <!-- ><img src=https://t.example/x>-->",
        "<?php <!-- ?><img src=https://t.example/x>-->", "<!DOCTYPE html \"<!--\"><img src=https://t.example/x>-->",
        "</ <!-- ><img src=https://t.example/x>-->", "</p title=\"<!--\"><img src=https://t.example/x>-->"})
    void commentsAndRawTextEndWhereABrowserEndsThemSoWhatFollowsIsRewritten(String html) {
        HtmlBodyRewrite.Result r = rewrite(html);

        assertThat(r.remoteBlocked() + r.otherBlocked()).as(r.html()).isPositive();
        assertThat(r.html()).doesNotContain(" src=https:", " http-equiv=", " content=\"0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<svg><style><img src=https://t.example/x></style></svg>",
        "<svg><title><img src=https://t.example/x></title></svg>",
        "<math><textarea><img src=https://t.example/x></textarea></math>",
        "<svg><xmp><img src=https://t.example/x></xmp></svg>", "<svg><script><img src=https://t.example/x></script>",
        "<svg><iframe><img src=https://t.example/x></iframe>", "<plaintext><img src=https://t.example/x>"})
    void rawTextHoldsNoTagSoItIsInertWhereverAParserPutsIt(String html) {
        // in <svg> or <math> these elements are not raw text, and <img> there would be a tag that loads
        HtmlBodyRewrite.Result r = rewrite(html);

        assertThat(r.html()).doesNotContain("<img").containsAnyOf("&lt;img", "\\3c img");
    }

    @Test
    void rawTextElementsStillShowTheirTextAndStylesStillApply() {
        assertThat(rewrite("<title>a < b & c</title>").html()).isEqualTo("<title>a &lt; b & c</title>");
        assertThat(rewrite("<textarea>x</textareax><b></textarea>").html())
                .isEqualTo("<textarea>x&lt;/textareax>&lt;b></textarea>");
        assertThat(rewrite("<xmp>a<b>&amp;</XMP>").html()).isEqualTo("<pre>a&lt;b>&amp;amp;</pre>");
        assertThat(rewrite("<style><!-- p{color:red} a[title=\"<&\"]{} --></style>").html())
                .isEqualTo("<style> p{color:red} a[title=\"\\3c \\26 \"]{} --></style>");
        assertThat(rewrite("<noscript><p>on</p></noscript>").html())
                .isEqualTo("<letterbox-noscript><p>on</p></letterbox-noscript>");
        assertThat(rewrite("<p>x<plaintext>a<b>").html()).isEqualTo("<p>x<pre>a&lt;b>");
    }

    @Test
    void bogusCommentsBecomeCommentsEndingAtTheFirstGreaterThanAndEndTagsLoseTheirAttributes() {
        assertThat(rewrite("<?xml version=\"1.0\"?><!x y><![CDATA[z]]></ q></a title=\">\" ></>").html())
                .isEqualTo("<!--?xml version=\"1.0\"?--><!--x y--><!--[CDATA[z]]--><!-- q--></a></>");
    }

    @Test
    void everyMetaIsDisabledAndCountedOnce() {
        HtmlBodyRewrite.Result r = rewrite("<meta name=\"referrer\" content=\"unsafe-url\"><META CHARSET=latin1>"
                + "<svg><meta http-equiv=refresh content=\"0;url=https://t.example/\"></svg>");

        assertThat(r.html()).isEqualTo("<meta data-letterbox-blocked-name=\"referrer\""
                + " data-letterbox-blocked-content=\"unsafe-url\"><META data-letterbox-blocked-charset=\"latin1\">"
                + "<svg><meta data-letterbox-blocked-http-equiv=\"refresh\""
                + " data-letterbox-blocked-content=\"0;url=https://t.example/\"></svg>");
        assertThat(r.otherBlocked()).isEqualTo(3);
        assertThat(r.remoteBlocked()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a x=\"", "<img src=", "<!--", "<style>url(", "<p style='url(\"", "<a b c d ",
        "<<<<", "<img srcset=\"a,", "<x onclick=", "&#", "<!-", "<!-- --!", "</a x=\"", "<?", "<!x",
        "<title>", "<textarea></textarea", "<plaintext>", "<script></scrip", "<xmp><", "<meta "})
    void workIsLinearInTheSizeOfTheBodyWhateverItRepeats(String unit) {
        long small = reads(unit.repeat(2_000));
        long large = reads(unit.repeat(8_000));

        assertThat(large).as("characters read for 2000 and 8000 repetitions (%d and %d)", small, large)
                .isLessThanOrEqualTo(small * 5 + 64);
    }

    /** How many characters the rewrite reads of a text (every charAt, and the length of every copy). */
    private static long reads(String text) {
        long[] reads = {0};
        CharSequence counting = new CharSequence() {
            @Override
            public int length() {
                return text.length();
            }

            @Override
            public char charAt(int index) {
                reads[0]++;
                return text.charAt(index);
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                reads[0] += end - start;
                return text.substring(start, end);
            }

            @Override
            public String toString() {
                reads[0] += text.length();
                return text;
            }
        };
        HtmlBodyRewrite.rewrite(counting, LOGO);
        return reads[0];
    }
}
