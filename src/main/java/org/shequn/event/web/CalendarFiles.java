package org.shequn.event.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An iCalendar answer, written straight out: a calendar whatever the client asks for (an API client's Accept
 * header is no reason to refuse it), for the API, the event page's link and the personal feed alike.
 */
final class CalendarFiles {

    private CalendarFiles() {
    }

    static void write(HttpServletResponse response, String body, String filename) throws IOException {
        response.setContentType("text/calendar;charset=UTF-8");
        response.setHeader("Content-Disposition", "inline; filename=\"" + filename + "\"");
        response.setHeader("Cache-Control", "private, no-cache");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
