package io.clientworkspace.spring.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;

import static java.util.Objects.requireNonNull;

/**
 * The response body of a feed: the headers of a {@code text/calendar} answer are set at the first byte, so that a
 * refusal the kit throws before writing (not found, no access) is still answered as the usual problem detail.
 */
final class CalendarFeedOutput extends OutputStream {

    private final HttpServletResponse response;
    private final String cacheControl;
    private @org.jspecify.annotations.Nullable OutputStream out;

    CalendarFeedOutput(HttpServletResponse response, String cacheControl) {
        this.response = requireNonNull(response, "response must not be null");
        this.cacheControl = requireNonNull(cacheControl, "cacheControl must not be null");
    }

    private OutputStream started() throws IOException {
        if (out == null) {
            response.setContentType(CalendarApiController.TEXT_CALENDAR);
            response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"calendar.ics\"");
            out = response.getOutputStream();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        started().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        started().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }
}
