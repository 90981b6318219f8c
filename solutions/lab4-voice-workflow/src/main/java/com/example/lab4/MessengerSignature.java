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
        if (header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        // Compare in constant time, so that the answer's timing tells an attacker nothing.
        return MessageDigest.isEqual(hmac(body, appSecret), given);
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
