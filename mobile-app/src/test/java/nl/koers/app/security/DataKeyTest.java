package nl.koers.app.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    private static final byte[] NOTE = "Gesprek over de schulden".getBytes(StandardCharsets.UTF_8);
    private static final byte[] HERE = "record_view.sealed_fields:1".getBytes(StandardCharsets.UTF_8);
    private final SecureRandom random = new SecureRandom();
    private final DataKey key = DataKey.generate(random);

    @Test
    void sealedValue_opensWithTheSameKeyInTheSamePlace_andEachSealIsDifferent() {
        byte[] first = key.seal(NOTE, HERE);
        byte[] second = key.seal(NOTE, HERE);

        assertArrayEquals(NOTE, key.open(first, HERE));
        assertFalse(Arrays.equals(first, second), "a fresh nonce per value");
        assertEquals(12 + NOTE.length + 16, first.length, "nonce, ciphertext, tag");
    }

    @Test
    void sealedValue_movedElsewhere_openedWithAnotherKey_orAltered_doesNotOpen() {
        byte[] sealed = key.seal(NOTE, HERE);

        assertThrows(WrongKeyException.class, () -> key.open(sealed, "record_view.sealed_fields:2".getBytes(StandardCharsets.UTF_8)));
        assertThrows(WrongKeyException.class, () -> DataKey.generate(random).open(sealed, HERE));
        sealed[20] ^= 1;
        assertThrows(WrongKeyException.class, () -> key.open(sealed, HERE));
        assertThrows(WrongKeyException.class, () -> key.open(new byte[5], HERE));
    }

    @Test
    void wrappedKey_unwrapsOnlyWithTheKeyThatWrappedIt() {
        DataKey pinKey = DataKey.generate(random);
        byte[] wrapped = key.wrapWith(pinKey, HERE);

        DataKey unwrapped = pinKey.unwrap(wrapped, HERE);

        assertArrayEquals(NOTE, unwrapped.open(key.seal(NOTE, HERE), HERE));
        assertThrows(WrongKeyException.class, () -> DataKey.generate(random).unwrap(wrapped, HERE));
    }

    @Test
    void destroyedKey_cannotBeUsed_butACopyTakenBeforeStillCan() {
        byte[] sealed = key.seal(NOTE, HERE);
        DataKey copy = key.copy();

        key.destroy();

        assertTrue(key.isDestroyed());
        assertThrows(IllegalStateException.class, () -> key.open(sealed, HERE));
        assertArrayEquals(NOTE, copy.open(sealed, HERE));
    }

    @Test
    void pinKeyDerivation_isRepeatable_andDependsOnPinAndSalt() {
        PinKeyDerivation derivation = new PinKeyDerivation(1_000, new byte[16]);
        byte[] sealed = derivation.keyFor("482913".toCharArray(), random).seal(NOTE, HERE);

        assertArrayEquals(NOTE, derivation.keyFor("482913".toCharArray(), random).open(sealed, HERE));
        assertThrows(WrongKeyException.class, () -> derivation.keyFor("482914".toCharArray(), random).open(sealed, HERE));
        byte[] otherSalt = new byte[16];
        otherSalt[0] = 1;
        assertThrows(WrongKeyException.class,
                () -> new PinKeyDerivation(1_000, otherSalt).keyFor("482913".toCharArray(), random).open(sealed, HERE));
        assertEquals(PinKeyDerivation.ITERATIONS, PinKeyDerivation.fresh(random).iterations());
    }
}
