package nl.koers.app.security;

/** A sealed value did not open: another key, another place, or the bytes were altered. */
public final class WrongKeyException extends RuntimeException {

    public WrongKeyException(String message) {
        super(message);
    }
}
