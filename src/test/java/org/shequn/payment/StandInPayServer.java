package org.shequn.payment;

import com.alipay.api.internal.util.AlipaySignature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeChat Pay's and Alipay's APIs as a payment needs them, on a free local port, with the keys of
 * {@link StandInProviders}: WeChat's Native prepay ({@code code_url}) and query by out_trade_no, answered with
 * WeChat's response signature; Alipay's gateway for {@code alipay.trade.query}, answered with Alipay's RSA2 response
 * signature. What a trade's state is, the test decides ({@link #paid}). A plain socket server, since the JDK's
 * HttpServer rewrites header names ({@code Wechatpay-timestamp}) and the WeChat SDK reads them case-sensitively.
 */
final class StandInPayServer implements AutoCloseable {

    /** A trade the provider knows as paid, with the amount it says was paid (in fen). */
    final Map<String, Long> paid = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    /** Whether Alipay's refund answers success (true) or a system error, as when Alipay cannot be reached or is busy. */
    volatile boolean refunding = true;
    /** The refunds Alipay made: out_request_no → refund_amount; the same out_request_no again refunds nothing more. */
    final Map<String, String> refunded = new ConcurrentHashMap<>();
    private final ServerSocket server;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as it arrived, and the answer to write. */
    private record Exchange(String method, URI uri, String body, Map<String, String> headers, int[] status, StringBuilder answer) {
        URI getRequestURI() {
            return uri;
        }

        String getRequestMethod() {
            return method;
        }

        Map<String, String> getResponseHeaders() {
            return headers;
        }
    }

    StandInPayServer() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket; var in = new BufferedInputStream(socket.getInputStream()); var out = socket.getOutputStream()) {
            var requestLine = line(in).split(" ");
            int length = 0;
            for (var header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0 && header.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(header.substring(colon + 1).strip());
                }
            }
            var body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            var exchange = new Exchange(requestLine[0], URI.create(requestLine[1]), body, new LinkedHashMap<>(),
                    new int[] {200}, new StringBuilder());
            if (exchange.uri().getPath().startsWith("/v3/pay/transactions/")) {
                wechat(exchange);
            } else if (exchange.uri().getPath().equals("/gateway.do")) {
                alipay(exchange);
            } else {
                send(exchange, 404, "not stood in");
            }
            var bytes = exchange.answer().toString().getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder("HTTP/1.1 " + exchange.status()[0] + " X\r\n");
            exchange.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the client went away; nothing to answer
        }
    }

    private static String line(InputStream in) throws IOException {
        var bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void wechat(Exchange exchange) {
        var path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        if (path.equals("/v3/pay/transactions/native")) {
            answerWeChat(exchange, 200, "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=" + UUID.randomUUID().toString().substring(0, 8) + "\"}");
            return;
        }
        var prefix = "/v3/pay/transactions/out-trade-no/";
        if (!path.startsWith(prefix)) {
            answerWeChat(exchange, 404, "{\"code\":\"NOT_FOUND\",\"message\":\"no such path\"}");
            return;
        }
        var tradeNo = path.substring(prefix.length());
        var fen = paid.get(tradeNo);
        var transaction = new LinkedHashMap<String, Object>();
        transaction.put("appid", StandInProviders.WECHAT_APP_ID);
        transaction.put("mchid", StandInProviders.WECHAT_MCH_ID);
        transaction.put("out_trade_no", tradeNo);
        transaction.put("trade_type", "NATIVE");
        if (fen == null) {
            transaction.put("trade_state", "NOTPAY");
            transaction.put("trade_state_desc", "订单未支付");
        } else {
            transaction.put("transaction_id", "4200009999" + Math.abs(tradeNo.hashCode()));
            transaction.put("trade_state", "SUCCESS");
            transaction.put("trade_state_desc", "支付成功");
            transaction.put("success_time", "2026-01-01T10:00:00+08:00");
            transaction.put("amount", Map.of("total", fen, "payer_total", fen, "currency", "CNY", "payer_currency", "CNY"));
        }
        answerWeChat(exchange, 200, JSON.writeValueAsString(transaction));
    }

    /** WeChat signs its answers as it signs notifications: timestamp, nonce and body, with the platform key. */
    private static void answerWeChat(Exchange exchange, int status, String body) {
        try {
            var timestamp = Long.toString(Instant.now().getEpochSecond());
            var nonce = UUID.randomUUID().toString().replace("-", "");
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(StandInProviders.WECHAT_PLATFORM.getPrivate());
            signature.update((timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8));
            var headers = exchange.getResponseHeaders();
            headers.put("Content-Type", "application/json");
            headers.put("Request-ID", UUID.randomUUID().toString());
            headers.put("Wechatpay-Serial", StandInProviders.WECHAT_PUBLIC_KEY_ID);
            headers.put("Wechatpay-Timestamp", timestamp);
            headers.put("Wechatpay-Nonce", nonce);
            headers.put("Wechatpay-Signature", StandInProviders.b64(signature.sign()));
            send(exchange, status, body);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void alipay(Exchange exchange) {
        var fields = new HashMap<String, String>();
        form(exchange.getRequestURI().getRawQuery(), fields);
        form(exchange.body(), fields);
        var method = fields.getOrDefault("method", "");
        requests.add("ALIPAY " + method);
        var root = method.replace('.', '_') + "_response";
        String content;
        if (method.equals("alipay.trade.query")) {
            var tradeNo = JSON.readTree(fields.get("biz_content")).required("out_trade_no").asString();
            var fen = paid.get(tradeNo);
            var response = new LinkedHashMap<String, Object>();
            if (fen == null) {
                response.put("code", "40004");
                response.put("msg", "Business Failed");
                response.put("sub_code", "ACQ.TRADE_NOT_EXIST");
                response.put("sub_msg", "交易不存在");
            } else {
                response.put("code", "10000");
                response.put("msg", "Success");
                response.put("trade_no", "2026010122009" + Math.abs(tradeNo.hashCode()));
                response.put("out_trade_no", tradeNo);
                response.put("trade_status", "TRADE_SUCCESS");
                response.put("total_amount", String.format("%d.%02d", fen / 100, fen % 100));
                response.put("send_pay_date", "2026-01-01 10:00:00");
            }
            content = JSON.writeValueAsString(response);
        } else if (method.equals("alipay.trade.refund")) {
            var biz = JSON.readTree(fields.get("biz_content"));
            var tradeNo = biz.required("out_trade_no").asString();
            var response = new LinkedHashMap<String, Object>();
            if (refunding) {
                refunded.putIfAbsent(biz.required("out_request_no").asString(), biz.required("refund_amount").asString());
                response.put("code", "10000");
                response.put("msg", "Success");
                response.put("trade_no", "2026010122009" + Math.abs(tradeNo.hashCode()));
                response.put("out_trade_no", tradeNo);
                response.put("refund_fee", biz.required("refund_amount").asString());
                response.put("fund_change", "Y");
            } else {
                response.put("code", "20000");
                response.put("msg", "Service Currently Unavailable");
                response.put("sub_code", "ACQ.SYSTEM_ERROR");
                response.put("sub_msg", "系统繁忙");
            }
            content = JSON.writeValueAsString(response);
        } else {
            content = "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.NOT_STOOD_IN\",\"sub_msg\":\"not stood in\"}";
        }
        try {
            var sign = AlipaySignature.rsaSign(content, StandInProviders.b64(StandInProviders.ALIPAY.getPrivate().getEncoded()),
                    "UTF-8", "RSA2");
            exchange.getResponseHeaders().put("Content-Type", "text/html;charset=utf-8");
            send(exchange, 200, "{\"" + root + "\":" + content + ",\"sign\":\"" + sign + "\"}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void form(String raw, Map<String, String> into) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        for (var pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                into.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
    }

    private static void send(Exchange exchange, int status, String body) {
        exchange.status()[0] = status;
        exchange.answer().append(body);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
