package nl.koers.server.store;

/** A store error that retrying will not fix: a broken schema, a violated constraint, a bug. */
public class StoreFailure extends RuntimeException {

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
