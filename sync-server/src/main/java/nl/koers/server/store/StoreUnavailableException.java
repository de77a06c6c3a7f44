package nl.koers.server.store;

/** The store could not do its work for now (busy, locked, I/O); nothing was committed. Retry later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
