package nl.koers.app.testing;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import nl.koers.app.security.DataKey;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.store.LocalStore;

/**
 * The data key of test stores: a new store adopts it and an existing one opens with it, without
 * deriving a key from a PIN (which takes a noticeable fraction of a second on purpose). Tests of
 * the PIN itself choose a real one.
 */
public final class TestKeys {

    /** One key for every store a test run opens; stores copy it, so nothing destroys it. */
    public static final DataKey KEY = DataKey.generate(new SecureRandom());

    private TestKeys() {
    }

    /**
     * Opens a store with a PIN, which a new store takes as its own: for a store that several
     * processes open in turn, which cannot share {@link #KEY}.
     */
    public static LocalStore openWithPin(Path directory, Clock clock, Supplier<UUID> ids, String pin) {
        LocalStore store = LocalStore.open(directory, clock, ids);
        UnlockResult result = store.unlockOrChoosePin(pin.toCharArray());
        if (!(result instanceof UnlockResult.Unlocked)) {
            store.close();
            throw new IllegalStateException("the PIN did not open " + directory + ": " + result);
        }
        return store;
    }

    /** Opens (or creates) a store in a directory and unlocks it with {@link #KEY}. */
    public static LocalStore openUnlocked(Path directory, Clock clock, Supplier<UUID> ids) {
        LocalStore store = LocalStore.open(directory, clock, ids);
        store.unlock(KEY);
        return store;
    }
}
