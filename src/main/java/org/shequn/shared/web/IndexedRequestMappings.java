package org.shequn.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC's request mappings, looked up through an index of their paths' fixed segments.
 *
 * <p>For a path with variables ({@code /api/v1/communities/{slug}/posts}) Spring asks every one of the
 * application's ~240 mappings whether it matches, and each asks the request, through the security filters'
 * six wrappers, for several attributes: 10-13% of a feed or search request's JVM time (JFR, session 7). The
 * index narrows that to the mappings whose fixed segments fit the path. Spring's own lookup still answers
 * whenever the index has nothing to say: no candidate matched (404, 405, 406 come from Spring), a tie, a
 * CORS pre-flight, a path with encoded characters, matrix variables or a trailing slash.
 */
class IndexedRequestMappings extends RequestMappingHandlerMapping {

    /** One path pattern of a mapping: its segments, {@code null} where a segment is not fixed text. */
    private record Route(RequestMappingInfo info, HandlerMethod handler, String[] segments) {
    }

    /** Routes by segment count, and the routes whose patterns may span any number of segments. */
    private record Index(Map<Integer, List<Route>> bySegments, List<Route> anyLength) {
    }

    /** Null until the mappings are known, and again when one is added or removed at run time. */
    private volatile Index index;

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        index = index(handlerMethods);
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, java.lang.reflect.Method method) {
        index = null;
        super.registerMapping(mapping, handler, method);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        index = null;
        super.unregisterMapping(mapping);
    }

    private static Index index(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        var bySegments = new HashMap<Integer, List<Route>>();
        var anyLength = new ArrayList<Route>();
        for (var entry : handlerMethods.entrySet()) {
            var info = entry.getKey();
            var patterns = info.getPathPatternsCondition();
            if (patterns == null) {
                anyLength.add(new Route(info, entry.getValue(), null));
                continue;
            }
            for (var pattern : patterns.getPatterns()) {
                var text = pattern.getPatternString();
                if (!text.startsWith("/") || text.contains("**") || text.contains("{*")) {
                    anyLength.add(new Route(info, entry.getValue(), null));
                    continue;
                }
                var segments = text.split("/", -1);
                for (int i = 0; i < segments.length; i++) {
                    if (segments[i].indexOf('{') >= 0 || segments[i].indexOf('*') >= 0 || segments[i].indexOf('?') >= 0) {
                        segments[i] = null;
                    }
                }
                bySegments.computeIfAbsent(segments.length, n -> new ArrayList<>())
                        .add(new Route(info, entry.getValue(), segments));
            }
        }
        return new Index(Map.copyOf(bySegments), List.copyOf(anyLength));
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        var current = index;
        if (current == null || !plain(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        var segments = lookupPath.split("/", -1);
        RequestMappingInfo best = null;
        HandlerMethod handler = null;
        boolean tie = false;
        Comparator<RequestMappingInfo> order = null;
        RequestMappingInfo previous = null;
        for (var routes : List.of(current.bySegments().getOrDefault(segments.length, List.of()), current.anyLength())) {
            for (var route : routes) {
                // a mapping with several patterns of one length is listed once per pattern: one check is enough
                if (route.info() == previous || !fits(route.segments(), segments)) {
                    continue;
                }
                previous = route.info();
                var match = getMatchingMapping(route.info(), request);
                if (match == null) {
                    continue;
                }
                if (best == null) {
                    best = match;
                    handler = route.handler();
                    continue;
                }
                if (order == null) {
                    order = getMappingComparator(request);
                }
                int c = order.compare(match, best);
                if (c < 0) {
                    best = match;
                    handler = route.handler();
                    tie = false;
                } else if (c == 0 && handler != route.handler()) {
                    tie = true;
                }
            }
        }
        if (best == null || tie) {
            // Spring's lookup answers these: why nothing matched (404, 405, 406), or which two mappings collide
            return super.lookupHandlerMethod(lookupPath, request);
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best, lookupPath, request);
        return handler;
    }

    /** Spring's lookup without the index, for the test that compares the two. */
    HandlerMethod lookupWithoutIndex(HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(initLookupPath(request), request);
    }

    /** Paths whose segments are compared as they are: patterns match decoded segments without matrix variables. */
    private static boolean plain(String path) {
        return path.startsWith("/") && (path.length() == 1 || !path.endsWith("/")) && path.indexOf('%') < 0
                && path.indexOf(';') < 0 && !path.contains("//");
    }

    private static boolean fits(String[] pattern, String[] path) {
        if (pattern == null) {
            return true;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i] != null && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
