package org.shequn.payment;

import tools.jackson.databind.json.JsonMapper;

/** WeChat Pay v3's answers to a notification (the test channel answers alike): 200 SUCCESS, or 4xx FAIL and why. */
final class JsonAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonAnswers() {
    }

    static PaymentChannel.Answer success() {
        return new PaymentChannel.Answer(200, "application/json", "{\"code\":\"SUCCESS\"}");
    }

    static PaymentChannel.Answer failure(String reason) {
        var body = JSON.writeValueAsString(java.util.Map.of("code", "FAIL", "message", reason));
        return new PaymentChannel.Answer(400, "application/json", body);
    }
}
