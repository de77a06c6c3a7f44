package nl.koers.server.admin;

import java.util.UUID;
import java.util.random.RandomGenerator;

/** Version-4 UUIDs from an injected random source (secure in production, seeded in tests). */
public final class RandomIds {

    private final RandomGenerator random;

    public RandomIds(RandomGenerator random) {
        this.random = random;
    }

    public UUID next() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }
}
