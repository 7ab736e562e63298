package io.clientworkspace.examples.portal.web;

import io.clientworkspace.examples.portal.web.MessageViews.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewsTest {

    @Test
    void plainTextIsOneTextSegment() {
        assertThat(MessageViews.segments("<b>hi</b>\nthere")).containsExactly(new Segment("<b>hi</b>\nthere", false));
    }

    @Test
    void httpAndHttpsLinksBecomeLinkSegmentsWithoutTrailingPunctuation() {
        assertThat(MessageViews.segments("See https://acme.test/plan?a=1&b=2. Or (http://x.test/y)!"))
                .containsExactly(new Segment("See ", false), new Segment("https://acme.test/plan?a=1&b=2", true),
                        new Segment(". Or (", false), new Segment("http://x.test/y", true), new Segment(")!", false));
    }

    @Test
    void otherSchemesAndBareSchemesStayText() {
        assertThat(MessageViews.segments("javascript:alert(1) data:text/html,x https:// ftp://a.test"))
                .containsExactly(new Segment("javascript:alert(1) data:text/html,x https:// ftp://a.test", false));
    }

    @Test
    void aLinkEndsAtQuotesAndAngleBrackets() {
        assertThat(MessageViews.segments("\"https://a.test/x\"<b>")).containsExactly(new Segment("\"", false),
                new Segment("https://a.test/x", true), new Segment("\"<b>", false));
    }
}
