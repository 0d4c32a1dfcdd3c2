package org.shequn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, called with hostile path values and malformed bodies, as an
 * anonymous visitor and as a signed-in stranger: whatever the answer, it is never a 5xx.
 */
@IntegrationTest
// thousands of requests: printing each is useless, and a live stream's response still being written by its own
// thread made the printer's walk over its headers fail (ConcurrentModificationException) now and then
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class HostileRequestTests {

    private static final String[] PATH_VALUES = {"0", "-1", "99999999999999999999", "abc", "%27%20or%201%3D1--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "x".repeat(300), "%00"};
    private static final String[] BODIES = {"", "{", "[]", "null", "\"text\"", "{\"a\":", "{\"id\": {\"$gt\": \"\"}}",
            "{\"name\": 123, \"themes\": {}, \"answers\": \"x\", \"role\": [1], \"memberCap\": 1e309}"};

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noEndpointAnswersHostileInputWithAServerError() throws Exception {
        var stranger = new Api(mvc).register("陌生人");
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (var info : mappings.getHandlerMethods().keySet()) {
            var methods = info.getMethodsCondition().getMethods();
            for (var pattern : info.getPatternValues()) {
                for (var value : PATH_VALUES) {
                    var path = pattern.replaceAll("\\{[^}]+}", value);
                    for (var method : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                        for (var token : new String[] {null, stranger.bearer()}) {
                            var bodies = method.name().equals("GET") || method.name().equals("DELETE")
                                    ? new String[] {null} : BODIES;
                            for (var body : bodies) {
                                var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method.name()), path);
                                if (token != null) {
                                    request.header("Authorization", token);
                                }
                                if (body != null) {
                                    request.contentType(MediaType.APPLICATION_JSON).content(body);
                                }
                                calls++;
                                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                                if (status >= 500) {
                                    failures.add(method + " " + path + " body=" + body + " auth=" + (token != null) + " → " + status);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    /**
     * MockMvc decodes a URL itself (and refuses to build one with a broken escape), so the raw query string is
     * set as Tomcat would hand it over; ParameterEncodingTests sends the same bytes to a real Tomcat.
     */
    @Test
    void aQueryStringThatCannotBeDecodedIsRefusedBeforeAnythingReadsIt() throws Exception {
        String[][] requests = {
                {"GET", "/api/v1/communities", "q=%ZZ"}, {"GET", "/api/v1/communities", "q=%"},
                {"GET", "/api/v1/communities/no-such-community/posts", "cursor=%ZZ"}, {"GET", "/api/v1/search", "q=%E4%B8"},
                {"POST", "/api/v1/auth/tokens", "x=%G1"}, {"GET", "/", "lang=%ZZ"}, {"GET", "/communities", "q=%ED%A0%80"},
        };
        for (var r : requests) {
            var response = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(r[0]), r[1])
                            .with(request -> {
                                request.setQueryString(r[2]);
                                return request;
                            })
                            .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"a@example.com\",\"password\":\"x\"}"))
                    .andReturn().getResponse();
            var what = r[0] + " " + r[1] + "?" + r[2];
            assertThat(response.getStatus()).as(what).isEqualTo(400);
            assertThat(response.getContentType()).as(what)
                    .startsWith(r[1].startsWith("/api/") ? "application/problem+json" : "text/html");
            assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).as(what).contains("无法解码");
        }
        var english = mvc.perform(MockMvcRequestBuilders.get("/api/v1/communities").header("Accept-Language", "en")
                .with(request -> {
                    request.setQueryString("q=%ZZ");
                    return request;
                })).andReturn().getResponse();
        assertThat(english.getContentAsString()).contains("cannot be decoded");
        // a correct escape is decoded as before
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/api/v1/communities?q=%E4%B8%AD")).andReturn().getResponse()
                .getStatus()).isEqualTo(200);
    }
}
