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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, called with hostile path values and malformed bodies, as an
 * anonymous visitor and as a signed-in stranger: whatever the answer, it is never a 5xx.
 */
@IntegrationTest
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
}
