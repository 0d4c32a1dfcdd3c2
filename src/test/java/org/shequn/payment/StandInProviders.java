package org.shequn.payment;

import com.alipay.api.internal.util.AlipaySignature;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keys generated for this test JVM, standing in for WeChat Pay's platform key and a merchant's, and for Alipay's key
 * and an app's; and notifications built and signed exactly as the providers document them.
 */
final class StandInProviders {

    static final String WECHAT_APP_ID = "wx0000000000test";
    static final String WECHAT_MCH_ID = "1900000001";
    static final String WECHAT_PUBLIC_KEY_ID = "PUB_KEY_ID_0119000000012024";
    static final String API_V3_KEY = "abcdefghijklmnopqrstuvwxyz012345";
    static final String ALIPAY_APP_ID = "2021000000000001";

    static final KeyPair WECHAT_PLATFORM = rsa();
    static final KeyPair WECHAT_MERCHANT = rsa();
    static final KeyPair ALIPAY = rsa();
    static final KeyPair ALIPAY_APP = rsa();
    /** someone else's key, for forged signatures */
    static final KeyPair FORGER = rsa();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StandInProviders() {
    }

    static void configure(DynamicPropertyRegistry registry) {
        registry.add("shequn.payment.test.enabled", () -> "true");
        registry.add("shequn.payment.offline.enabled", () -> "true");
        registry.add("shequn.payment.wechat.app-id", () -> WECHAT_APP_ID);
        registry.add("shequn.payment.wechat.merchant-id", () -> WECHAT_MCH_ID);
        registry.add("shequn.payment.wechat.merchant-serial-number", () -> "5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
        registry.add("shequn.payment.wechat.private-key", () -> pem("PRIVATE KEY", WECHAT_MERCHANT.getPrivate().getEncoded()));
        registry.add("shequn.payment.wechat.public-key", () -> pem("PUBLIC KEY", WECHAT_PLATFORM.getPublic().getEncoded()));
        registry.add("shequn.payment.wechat.public-key-id", () -> WECHAT_PUBLIC_KEY_ID);
        registry.add("shequn.payment.wechat.api-v3-key", () -> API_V3_KEY);
        registry.add("shequn.payment.alipay.app-id", () -> ALIPAY_APP_ID);
        registry.add("shequn.payment.alipay.private-key", () -> b64(ALIPAY_APP.getPrivate().getEncoded()));
        registry.add("shequn.payment.alipay.alipay-public-key", () -> b64(ALIPAY.getPublic().getEncoded()));
    }

    /** WeChat Pay v3's notification: headers and body. */
    record WeChatNotification(Map<String, String> headers, String body) {
    }

    static WeChatNotification wechat(String notificationId, String tradeNo, long total, String currency,
                                     long epochSeconds, KeyPair signer) {
        try {
            var transaction = new LinkedHashMap<String, Object>();
            transaction.put("mchid", WECHAT_MCH_ID);
            transaction.put("appid", WECHAT_APP_ID);
            transaction.put("out_trade_no", tradeNo);
            transaction.put("transaction_id", "4200001234" + Math.abs(tradeNo.hashCode()));
            transaction.put("trade_type", "NATIVE");
            transaction.put("trade_state", "SUCCESS");
            transaction.put("trade_state_desc", "支付成功");
            transaction.put("bank_type", "OTHERS");
            transaction.put("success_time", "2026-01-01T10:00:00+08:00");
            transaction.put("payer", Map.of("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
            transaction.put("amount", Map.of("total", total, "payer_total", total, "currency", currency,
                    "payer_currency", currency));
            var nonce = UUID.randomUUID().toString().substring(0, 12);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD("transaction".getBytes(StandardCharsets.UTF_8));
            var ciphertext = b64(cipher.doFinal(JSON.writeValueAsString(transaction).getBytes(StandardCharsets.UTF_8)));
            var resource = new LinkedHashMap<String, Object>();
            resource.put("original_type", "transaction");
            resource.put("algorithm", "AEAD_AES_256_GCM");
            resource.put("ciphertext", ciphertext);
            resource.put("associated_data", "transaction");
            resource.put("nonce", nonce);
            var body = new LinkedHashMap<String, Object>();
            body.put("id", notificationId);
            body.put("create_time", "2026-01-01T10:00:01+08:00");
            body.put("resource_type", "encrypt-resource");
            body.put("event_type", "TRANSACTION.SUCCESS");
            body.put("summary", "支付成功");
            body.put("resource", resource);
            var text = JSON.writeValueAsString(body);
            var headerNonce = UUID.randomUUID().toString().replace("-", "");
            var timestamp = Long.toString(epochSeconds);
            var signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivate());
            signature.update((timestamp + "\n" + headerNonce + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8));
            return new WeChatNotification(Map.of(
                    "Wechatpay-Serial", WECHAT_PUBLIC_KEY_ID,
                    "Wechatpay-Signature", b64(signature.sign()),
                    "Wechatpay-Timestamp", timestamp,
                    "Wechatpay-Nonce", headerNonce,
                    "Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048"), text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Alipay's asynchronous notification fields, signed with RSA2 over the sorted fields as Alipay does. */
    static Map<String, String> alipay(String notifyId, String tradeNo, String totalAmount, String status, KeyPair signer) {
        return alipay(notifyId, tradeNo, totalAmount, status, signer, java.time.Instant.now());
    }

    /** ... sent at {@code sentAt} (notify_time, Beijing time, as Alipay writes it). */
    static Map<String, String> alipay(String notifyId, String tradeNo, String totalAmount, String status, KeyPair signer,
                                      java.time.Instant sentAt) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("notify_time", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(sentAt.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
        fields.put("notify_type", "trade_status_sync");
        fields.put("notify_id", notifyId);
        fields.put("app_id", ALIPAY_APP_ID);
        fields.put("charset", "UTF-8");
        fields.put("version", "1.0");
        fields.put("trade_no", "2026010122001" + Math.abs(tradeNo.hashCode()));
        fields.put("out_trade_no", tradeNo);
        fields.put("total_amount", totalAmount);
        fields.put("receipt_amount", totalAmount);
        fields.put("trade_status", status);
        fields.put("subject", "测试 商品");
        fields.put("gmt_payment", "2026-01-01 10:00:00");
        try {
            var content = AlipaySignature.getSignCheckContentV1(fields);
            fields.put("sign", AlipaySignature.rsaSign(content, b64(signer.getPrivate().getEncoded()), "UTF-8", "RSA2"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        fields.put("sign_type", "RSA2");
        return fields;
    }

    private static KeyPair rsa() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
