package nl.koers.app.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 256-bit AES key that seals values with AES-GCM: a fresh random 96-bit nonce per value and
 * associated data that binds the value to where it is stored, so a sealed value moved to another
 * row or column no longer opens. A sealed value is {@code nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)}.
 *
 * <p>The key bytes live only in this object's array and are overwritten by {@link #destroy()}. The
 * JDK's cipher objects copy them while a value is sealed or opened; those copies become garbage
 * at once but are not overwritten (the JDK offers no way to), which is the limit of what Java can
 * promise about key material in memory.
 */
public final class DataKey {

    /** Key length in bytes. */
    public static final int LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final byte[] key;
    private final SecureRandom random;
    private boolean destroyed;
    /** One cipher object, initialised anew for every value (looking one up costs more than sealing a record). */
    private Cipher cipher;

    private DataKey(byte[] key, SecureRandom random) {
        if (key.length != LENGTH) {
            throw new IllegalArgumentException("a data key has " + LENGTH + " bytes, not " + key.length);
        }
        this.key = key;
        this.random = random;
    }

    /** A new random key. */
    public static DataKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH];
        random.nextBytes(bytes);
        return new DataKey(bytes, random);
    }

    /** A key from its bytes (copied; the caller may overwrite its array afterwards). */
    public static DataKey of(byte[] bytes, SecureRandom random) {
        return new DataKey(bytes.clone(), random);
    }

    /** Seals a value; {@code where} must be given again to open it. */
    public synchronized byte[] seal(byte[] plain, byte[] where) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, where);
            ByteBuffer sealed = ByteBuffer.allocate(NONCE_LENGTH + cipher.getOutputSize(plain.length));
            sealed.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plain), sealed);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @throws WrongKeyException if the value was sealed with another key or for another place, or was altered
     */
    public synchronized byte[] open(byte[] sealed, byte[] where) {
        if (sealed.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new WrongKeyException("a sealed value is at least " + (NONCE_LENGTH + TAG_BITS / 8) + " bytes long");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_LENGTH), where);
            return cipher.doFinal(sealed, NONCE_LENGTH, sealed.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("the value does not open with this key here (another key, another place, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] where) throws GeneralSecurityException {
        if (destroyed) {
            throw new IllegalStateException("this data key was destroyed (the store was locked or closed)");
        }
        if (cipher == null) {
            cipher = Cipher.getInstance(TRANSFORMATION);
        }
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(where);
        return cipher;
    }

    /** Seals this key's own bytes with another key (the key-encryption key of a PIN). */
    public synchronized byte[] wrapWith(DataKey keyEncryptionKey, byte[] where) {
        return keyEncryptionKey.seal(key, where);
    }

    /** Opens a key sealed by {@link #wrapWith}; the unwrapped bytes are overwritten once copied. */
    public DataKey unwrap(byte[] wrapped, byte[] where) {
        byte[] bytes = open(wrapped, where);
        try {
            return of(bytes, random);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** An independent copy: destroying one leaves the other usable. */
    public synchronized DataKey copy() {
        if (destroyed) {
            throw new IllegalStateException("this data key was destroyed");
        }
        return of(key, random);
    }

    /** Overwrites the key bytes; the key cannot be used afterwards. */
    public synchronized void destroy() {
        Arrays.fill(key, (byte) 0);
        cipher = null;
        destroyed = true;
    }

    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "DataKey[" + (destroyed ? "destroyed" : "256 bits, not shown") + "]";
    }
}
