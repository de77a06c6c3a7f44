package nl.koers.app.store;

/** The store is locked: nothing is read or written until it is unlocked with the PIN. */
public final class StoreLockedException extends StoreException {

    StoreLockedException() {
        super("the local store is locked: unlock it with the PIN first", null);
    }
}
