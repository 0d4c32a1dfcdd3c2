package org.shequn.payment;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RSA keys as the providers hand them out: PEM (WeChat's apiclient_key.pem, pub_key.pem) or the bare Base64 of the
 * same bytes (Alipay's console), from configuration. A key that does not read stops start-up with the key's name,
 * never its value.
 */
final class Keys {

    private Keys() {
    }

    static PrivateKey privateKey(String name, String text) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bytes(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not an RSA private key (PKCS#8, PEM or Base64)");
        }
    }

    static PublicKey publicKey(String name, String text) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(bytes(text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not an RSA public key (X.509, PEM or Base64)");
        }
    }

    /** The Base64 body of a key without PEM armour or line breaks, as Alipay's SDK takes it. */
    static String bare(String text) {
        return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private static byte[] bytes(String text) {
        return Base64.getDecoder().decode(bare(text));
    }
}
