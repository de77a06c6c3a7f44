package nl.koers.app.store;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import nl.koers.app.security.DataKey;
import nl.koers.app.security.LockoutPolicy;
import nl.koers.app.security.PinKeyDerivation;
import nl.koers.app.security.PinRules;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.security.WrongKeyException;

/**
 * The store's data key and the PIN that guards it: choosing the PIN (which makes the key),
 * unlocking with it, changing it (which re-wraps the same key), and counting wrong PINs durably
 * with {@link LockoutPolicy}. A PIN is counted as wrong <em>before</em> it is tried and the count
 * reset once it proved right, so stopping the app halfway through gains no free guess.
 */
final class DeviceKeys {

    private static final byte[] CHECK = "koers data key".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_CHECK = "device_key.key_check";
    private static final String WRAPPED_KEY = "device_key.wrapped_key";

    private final StoreDatabase db;
    private final Clock clock;
    private final SecureRandom random;

    DeviceKeys(StoreDatabase db, Clock clock, SecureRandom random) {
        this.db = db;
        this.clock = clock;
        this.random = random;
    }

    boolean hasPin() {
        DeviceKeyRow row = row();
        return row != null && row.hasPin();
    }

    /** When the running wait after wrong PINs ends; empty if none runs. */
    Optional<Instant> waitUntil() {
        DeviceKeyRow row = row();
        return row != null && row.lockedUntil > clock.millis() ? Optional.of(Instant.ofEpochMilli(row.lockedUntil))
                : Optional.empty();
    }

    /** First use: makes the data key, wraps it with the PIN and unlocks. */
    void choosePin(char[] pin) {
        requireAcceptable(pin);
        if (row() != null) {
            throw new IllegalStateException("this store already has a key; unlock it or change its PIN");
        }
        DataKey key = DataKey.generate(random);
        try {
            DeviceKeyRow row = new DeviceKeyRow();
            row.id = DeviceKeyRow.THE_ROW;
            row.keyCheck = key.seal(CHECK, Sealer.where(KEY_CHECK, row.id));
            wrap(row, key, pin);
            db.inTransaction(() -> db.deviceKey.create(row));
            db.sealer.unlock(key);
        } finally {
            key.destroy();
        }
    }

    /** Tries a PIN: counted first, then derived and tried, unless a wait runs. */
    UnlockResult unlock(char[] pin) {
        Attempt attempt = attempt(pin);
        if (attempt.key != null) {
            db.sealer.unlock(attempt.key);
            attempt.key.destroy();
        }
        return attempt.result;
    }

    /**
     * Changes the PIN: the current one is tried (and counted) like an unlock; if it is right, the
     * same data key is wrapped with the new PIN under a new salt. Nothing else is rewritten.
     */
    UnlockResult changePin(char[] current, char[] next) {
        requireAcceptable(next);
        Attempt attempt = attempt(current);
        if (attempt.key != null) {
            try {
                DeviceKeyRow row = row();
                wrap(row, attempt.key, next);
                db.inTransaction(() -> db.deviceKey.update(row));
                db.sealer.unlock(attempt.key);
            } finally {
                attempt.key.destroy();
            }
        }
        return attempt.result;
    }

    /**
     * Unlocks with a key held elsewhere. A store without a key adopts it (it then has no PIN); a
     * store with one refuses any other key.
     */
    void unlock(DataKey key) {
        DeviceKeyRow row = row();
        if (row == null) {
            DeviceKeyRow adopted = new DeviceKeyRow();
            adopted.id = DeviceKeyRow.THE_ROW;
            adopted.keyCheck = key.seal(CHECK, Sealer.where(KEY_CHECK, adopted.id));
            db.inTransaction(() -> db.deviceKey.create(adopted));
        } else {
            try {
                key.open(row.keyCheck, Sealer.where(KEY_CHECK, row.id));
            } catch (WrongKeyException e) {
                throw new StoreException("this key does not open the local store", e);
            }
        }
        db.sealer.unlock(key);
    }

    private record Attempt(UnlockResult result, DataKey key) {
    }

    private Attempt attempt(char[] pin) {
        DeviceKeyRow row = row();
        if (row == null || !row.hasPin()) {
            throw new IllegalStateException("this store has no PIN yet: choose one first");
        }
        long now = clock.millis();
        if (row.lockedUntil > now) {
            return new Attempt(new UnlockResult.LockedOut(Instant.ofEpochMilli(row.lockedUntil)), null);
        }
        row.failedAttempts++;
        Duration wait = LockoutPolicy.waitAfter(row.failedAttempts);
        row.lockedUntil = wait.isZero() ? 0 : now + wait.toMillis();
        db.inTransaction(() -> db.deviceKey.update(row));
        DataKey pinKey = row.derivation().keyFor(pin, random);
        try {
            DataKey key = pinKey.unwrap(row.wrappedKey, Sealer.where(WRAPPED_KEY, row.id));
            row.failedAttempts = 0;
            row.lockedUntil = 0;
            db.inTransaction(() -> db.deviceKey.update(row));
            return new Attempt(new UnlockResult.Unlocked(), key);
        } catch (WrongKeyException wrong) {
            return new Attempt(new UnlockResult.WrongPin(LockoutPolicy.attemptsLeft(row.failedAttempts),
                    wait.isZero() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(row.lockedUntil))), null);
        } finally {
            pinKey.destroy();
        }
    }

    private void wrap(DeviceKeyRow row, DataKey key, char[] pin) {
        PinKeyDerivation derivation = PinKeyDerivation.fresh(random);
        DataKey pinKey = derivation.keyFor(pin, random);
        try {
            row.setDerivation(derivation);
            row.wrappedKey = key.wrapWith(pinKey, Sealer.where(WRAPPED_KEY, row.id));
        } finally {
            pinKey.destroy();
        }
    }

    private static void requireAcceptable(char[] pin) {
        PinRules.check(pin).ifPresent(problem -> {
            throw new IllegalArgumentException(switch (problem) {
                case TOO_SHORT -> "the PIN is too short: at least " + PinRules.MIN_DIGITS + " digits, or a passphrase of at least "
                        + PinRules.MIN_PASSPHRASE + " characters";
                case TOO_SIMPLE -> "the PIN is too easy to guess: not the same digit throughout, no run like 123456";
            });
        });
    }

    private DeviceKeyRow row() {
        try {
            return db.deviceKey.queryForId(DeviceKeyRow.THE_ROW);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's key", e);
        }
    }
}
