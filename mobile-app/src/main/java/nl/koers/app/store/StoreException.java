package nl.koers.app.store;

/** The local database could not do what was asked; nothing of the failed transaction was kept. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
