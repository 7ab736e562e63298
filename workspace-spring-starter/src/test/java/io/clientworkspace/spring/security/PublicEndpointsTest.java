package io.clientworkspace.spring.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The public endpoints matcher: exactly GET of the calendar feed pattern under the base (and servlet) path. */
class PublicEndpointsTest {

    private static MockHttpServletRequest request(String method, String servletPath, String pathInfo) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath + pathInfo);
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo.isEmpty() ? null : pathInfo);
        return request;
    }

    @Test
    void theCalendarFeedOfTheBasePathMatchesAndNothingBesideIt() {
        PublicEndpoints endpoints = new PublicEndpoints("", "/api/");

        assertThat(endpoints.calendarFeedPattern()).isEqualTo("/api/calendar-feeds/*.ics");
        assertThat(endpoints.requestMatcher().matches(request("GET", "/api/calendar-feeds/abc.ics", ""))).isTrue();
        assertThat(endpoints.requestMatcher().matches(request("POST", "/api/calendar-feeds/abc.ics", ""))).isFalse();
        assertThat(endpoints.requestMatcher().matches(request("GET", "/api/calendar-feeds/abc.ics/x", ""))).isFalse();
        assertThat(endpoints.requestMatcher().matches(request("GET", "/api/calendar-feeds/abc", ""))).isFalse();
        assertThat(endpoints.requestMatcher().matches(request("GET", "/api/workspaces/w/calendar.ics", ""))).isFalse();
        assertThat(endpoints.requestMatcher().matches(request("GET", "/other/calendar-feeds/abc.ics", ""))).isFalse();
    }
}
