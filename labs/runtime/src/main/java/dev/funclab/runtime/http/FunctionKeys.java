package dev.funclab.runtime.http;

import com.microsoft.azure.functions.annotation.AuthorizationLevel;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The host's keys. The function key opens {@code FUNCTION} functions; the master key opens
 * everything, {@code ADMIN} functions included, as in Azure.
 */
public record FunctionKeys(String functionKey, String masterKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static FunctionKeys generate() {
        return new FunctionKeys(newKey(), newKey());
    }

    /** A key shaped like Azure's: 40 random bytes, URL-safe base64. */
    public static String newKey() {
        byte[] bytes = new byte[40];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public boolean allows(AuthorizationLevel level, String presented) {
        return switch (level) {
            case ANONYMOUS -> true;
            case FUNCTION -> matches(functionKey, presented) || matches(masterKey, presented);
            case ADMIN -> matches(masterKey, presented);
        };
    }

    private static boolean matches(String key, String presented) {
        return presented != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
