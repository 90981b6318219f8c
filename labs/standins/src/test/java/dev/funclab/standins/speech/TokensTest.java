package dev.funclab.standins.speech;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aTokenIsAJwtValidForTenMinutes() {
        TestClock clock = new TestClock();
        Tokens tokens = new Tokens(clock);
        String token = tokens.issue();

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]))).contains("\"exp\":1735690200");
        assertThat(tokens.check(token)).isEqualTo(Tokens.Check.VALID);
        clock.now = clock.now.plus(Duration.ofMinutes(9)).plusSeconds(59);
        assertThat(tokens.check(token)).isEqualTo(Tokens.Check.VALID);
        clock.now = clock.now.plusSeconds(1);
        assertThat(tokens.check(token)).isEqualTo(Tokens.Check.EXPIRED);
    }

    @Test
    void aTokenFromElsewhereOrAlteredIsUnknown() {
        Tokens tokens = new Tokens(Clock.systemUTC());
        String token = tokens.issue();
        String[] parts = token.split("\\.");
        String longer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replaceAll("\"exp\":\\d+", "\"exp\":99999999999").getBytes());

        assertThat(tokens.check(parts[0] + "." + longer + "." + parts[2])).isEqualTo(Tokens.Check.UNKNOWN);
        assertThat(new Tokens(Clock.systemUTC()).check(token)).isEqualTo(Tokens.Check.UNKNOWN);
        assertThat(tokens.check("not-a-token")).isEqualTo(Tokens.Check.UNKNOWN);
        assertThat(tokens.check("a.b!.c")).isEqualTo(Tokens.Check.UNKNOWN);
    }
}
