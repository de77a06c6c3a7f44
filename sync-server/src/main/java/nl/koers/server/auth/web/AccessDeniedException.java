package nl.koers.server.auth.web;

/** A signed-in user asked for something their roles do not allow; the message says what. */
public final class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
