package com.example.lab4;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Messenger signs every POST: {@code X-Hub-Signature-256: sha256=<hex of HMAC-SHA256(app secret, body)>}. */
final class MessengerSignature {

    private static final String PREFIX = "sha256=";

    private MessengerSignature() {
    }

    /** True when {@code header} is the signature of exactly these body bytes. */
    static boolean isValid(byte[] body, String header, String appSecret) {
        // TODO 2: a valid header is PREFIX followed by the hex of hmac(body, appSecret). Return false for a
        //         missing header, another prefix or text that is not hex (HexFormat.of().parseHex throws
        //         IllegalArgumentException); compare the bytes with MessageDigest.isEqual, which takes the same
        //         time however early they differ.
        return false;
    }

    private static byte[] hmac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
