package nl.koers.server.auth.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Dashboard passwords as PBKDF2-HMAC-SHA256 hashes from the JDK, encoded with their parameters:
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (salt and hash in base64). Verification
 * recomputes with the stored parameters and compares in constant time. A hash made with fewer
 * iterations than {@link #ITERATIONS} (servers before 600,000 wrote 210,000) still verifies, and
 * {@link #needsRehash} tells the caller to store a new hash of the password it just proved.
 */
public final class PasswordHasher {

    /**
     * OWASP's current recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet: 600,000;
     * its 210,000 is the figure for PBKDF2-HMAC-SHA512).
     */
    public static final int ITERATIONS = 600_000;
    static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private final SecureRandom random;

    public PasswordHasher(SecureRandom random) {
        this.random = random;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * A well-formed hash at the current cost that no password matches: its salt and hash are
     * random bytes, not derived, so it is made at once, yet checking a password against it costs
     * as much as against a real one.
     */
    public String decoy() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BITS / 8];
        random.nextBytes(salt);
        random.nextBytes(hash);
        Base64.Encoder base64 = Base64.getEncoder();
        return SCHEME + "$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Whether the password matches the encoded hash; a malformed hash matches nothing. A hash
     * with fewer iterations than {@link #ITERATIONS} costs as much to check as a current one (the
     * missing iterations are spent on nothing), so the time of a wrong answer does not tell which
     * accounts still have an old hash.
     */
    public static boolean matches(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] expected = base64.decode(parts[3]);
            byte[] salt = base64.decode(parts[2]);
            int stored = Integer.parseInt(parts[1]);
            if (stored < 1) {
                return false;
            }
            byte[] actual = derive(password, salt, stored);
            if (stored < ITERATIONS) {
                derive(password, salt, ITERATIONS - stored);
            }
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a hash that matched should be replaced by a new one at {@link #ITERATIONS}. */
    public static boolean needsRehash(String encoded) {
        String[] parts = encoded.split("\\$");
        try {
            return parts.length != 4 || !SCHEME.equals(parts[0]) || Integer.parseInt(parts[1]) < ITERATIONS;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
