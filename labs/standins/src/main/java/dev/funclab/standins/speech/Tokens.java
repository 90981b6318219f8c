package dev.funclab.standins.speech;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens as {@code POST /sts/v1.0/issueToken} hands them out: a JWT valid 10 minutes,
 * signed (HS256) with a secret of this stand-in, so checking one needs no list of tokens issued.
 */
final class Tokens {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    /** What a presented token turned out to be. */
    enum Check { VALID, EXPIRED, UNKNOWN }

    private final byte[] secret = new byte[32];
    private final Clock clock;

    Tokens(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    String issue() {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "funclab-speech-stand-in");
        claims.put("scope", "speechservices");
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        try {
            String unsigned = HEADER + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(claims));
            return unsigned + "." + ENCODER.encodeToString(sign(unsigned));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Check check(String token) {
        String[] parts = token == null ? new String[0] : token.trim().split("\\.");
        if (parts.length != 3) {
            return Check.UNKNOWN;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return Check.UNKNOWN;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return clock.instant().getEpochSecond() < claims.path("exp").asLong(0) ? Check.VALID : Check.EXPIRED;
        } catch (IllegalArgumentException | IOException e) {
            return Check.UNKNOWN;
        }
    }

    private byte[] sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
