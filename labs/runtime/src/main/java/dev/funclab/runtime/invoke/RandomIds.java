package dev.funclab.runtime.invoke;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers for invocations, messages and traces. They must not repeat, not be unguessable, so they
 * come from each thread's own generator: {@link UUID#randomUUID()} reads one shared SecureRandom under a lock,
 * which every concurrent call would queue for.
 */
public final class RandomIds {

    private RandomIds() {
    }

    /** A version 4 (random) UUID, as {@link UUID#randomUUID()} makes. */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;                       // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** {@code bytes} random bytes as lower-case hex. */
    public static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
