package org.shequn.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.shequn.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The indexed lookup picks the handler Spring's own lookup picks, for every mapped path and method (with its
 * variables filled in), for paths no mapping has, and for the paths the index leaves to Spring.
 */
@IntegrationTest
class IndexedRequestMappingsTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void findsWhatSpringsOwnLookupFinds() throws Exception {
        assertThat(mappings).isInstanceOf(IndexedRequestMappings.class);
        var indexed = (IndexedRequestMappings) mappings;
        Set<String> paths = new LinkedHashSet<>(List.of("/", "/nope", "/api/v1/nope", "/c/nope/posts/1/nope",
                "/api/v1/communities/", "/api/v1/communities/a%20b/posts", "/api/v1/communities/x;v=1/posts",
                "//api/v1/communities"));
        for (var info : mappings.getHandlerMethods().keySet()) {
            for (var pattern : Objects.requireNonNull(info.getPathPatternsCondition()).getPatternValues()) {
                paths.add(pattern.replaceAll("\\{[^}]*}", "1"));
                paths.add(pattern.replaceAll("\\{[^}]*}", "new"));
            }
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (var path : paths) {
            for (var method : RequestMethod.values()) {
                var withIndex = outcome(path, method, r -> {
                    var chain = mappings.getHandler(r);
                    return chain == null ? null : chain.getHandler();
                });
                var withoutIndex = outcome(path, method, indexed::lookupWithoutIndex);
                compared++;
                if (!withIndex.equals(withoutIndex)) {
                    differences.add(method + " " + path + ": " + withIndex + " instead of " + withoutIndex);
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(differences).isEmpty();
    }

    private interface Lookup {
        Object find(MockHttpServletRequest request) throws Exception;
    }

    /** The handler found, or the kind of exception Spring answers with (404, 405, 406 ...). */
    private static String outcome(String path, RequestMethod method, Lookup lookup) {
        var request = new MockHttpServletRequest(method.name(), path);
        request.addHeader("Accept", "application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            var found = lookup.find(request);
            return String.valueOf(found);
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
