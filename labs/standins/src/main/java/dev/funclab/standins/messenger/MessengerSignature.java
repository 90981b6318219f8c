package dev.funclab.standins.messenger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Messenger's webhook signature: {@code X-Hub-Signature-256: sha256=<hex>}, the lowercase hex
 * HMAC-SHA256 of the exact body bytes, keyed with the app's App Secret.
 */
public final class MessengerSignature {

    /** The header Meta puts the signature in. */
    public static final String HEADER = "X-Hub-Signature-256";

    private MessengerSignature() {
    }

    /** {@code sha256=<lowercase hex>} for these bytes; sign exactly what goes on the wire. */
    public static String of(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime; this one lacks it", e);
        }
    }
}
