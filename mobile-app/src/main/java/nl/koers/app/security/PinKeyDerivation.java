package nl.koers.app.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns a PIN or passphrase into the key that wraps the data key: PBKDF2-HMAC-SHA256 from the JDK
 * (no native code), a random 128-bit salt per device, and an iteration count stored beside the
 * salt so it can be raised later without locking anyone out. The cost is the only thing that
 * slows down someone guessing PINs against a copied database file; see decision 0012.
 *
 * @param iterations PBKDF2 iterations
 * @param salt       16 random bytes
 */
public record PinKeyDerivation(int iterations, byte[] salt) {

    /** The JDK name of the function; stored with the parameters. */
    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /**
     * Iterations for a new PIN: 75–240 ms on one core of the build machine once warm (about 1 s in
     * a cold JVM), estimated at 0.3–0.5 s on a cheap phone; decision 0012 has the measurements.
     */
    public static final int ITERATIONS = 210_000;
    private static final int SALT_LENGTH = 16;

    public PinKeyDerivation {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 needs at least one iteration, not " + iterations);
        }
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt has " + SALT_LENGTH + " bytes, not " + salt.length);
        }
        salt = salt.clone();
    }

    /** Parameters for a new PIN: a fresh salt and {@link #ITERATIONS}. */
    public static PinKeyDerivation fresh(SecureRandom random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return new PinKeyDerivation(ITERATIONS, salt);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The key-encryption key for a PIN. The derived bytes are overwritten once the key holds them. */
    public DataKey keyFor(char[] pin, SecureRandom random) {
        PBEKeySpec spec = new PBEKeySpec(pin, salt, iterations, DataKey.LENGTH * 8);
        byte[] derived = null;
        try {
            derived = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            return DataKey.of(derived, random);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
            if (derived != null) {
                Arrays.fill(derived, (byte) 0);
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinKeyDerivation that && iterations == that.iterations && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return ALGORITHM + "[" + iterations + " iterations]";
    }
}
