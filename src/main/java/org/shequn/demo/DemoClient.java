package org.shequn.demo;

import java.util.List;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** The application's own {@code /api/v1} over loopback, as one demo person or another (by API token). */
final class DemoClient {

    /** A file in a multipart body: its form field, file name and bytes. */
    record Upload(String field, String fileName, byte[] bytes) {
    }

    private final RestClient http;

    DemoClient(RestClient http) {
        this.http = http;
    }

    JsonNode get(String token, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
    }

    JsonNode post(String token, String path, Object body) {
        var request = http.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.body(body);
        }
        return request.retrieve().body(JsonNode.class);
    }

    /** A comment, answered with its id only ({@code Prefer: return=minimal}). */
    long comment(String token, String slug, long postId, Object body) {
        var response = http.post().uri("/communities/" + slug + "/posts/" + postId + "/comments")
                .contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token)
                .header("Prefer", "return=minimal").body(body).retrieve().toBodilessEntity();
        return Long.parseLong(response.getHeaders().getFirst("X-Comment-Id"));
    }

    void put(String token, String path, Object body) {
        var request = http.put().uri(path).contentType(MediaType.APPLICATION_JSON).header("Authorization", "Bearer " + token);
        if (body != null) {
            request.body(body);
        }
        request.retrieve().toBodilessEntity();
    }

    void delete(String token, String path) {
        http.delete().uri(path).header("Authorization", "Bearer " + token).retrieve().toBodilessEntity();
    }

    /** A multipart form: plain fields, then the files. */
    JsonNode upload(String token, String path, MultiValueMap<String, String> fields, List<Upload> files) {
        var parts = new LinkedMultiValueMap<String, Object>();
        fields.forEach((name, values) -> values.forEach(v -> parts.add(name, v)));
        for (var file : files) {
            parts.add(file.field(), new ByteArrayResource(file.bytes()) {
                @Override
                public String getFilename() {
                    return file.fileName();
                }
            });
        }
        return http.post().uri(path).contentType(MediaType.MULTIPART_FORM_DATA).header("Authorization", "Bearer " + token)
                .body(parts).retrieve().body(JsonNode.class);
    }
}
