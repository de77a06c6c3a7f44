package nl.koers.model;

import java.util.Collection;
import java.util.TreeSet;

/** A code that is not in its code list; the message names the list and the allowed values. */
public class UnknownCodeException extends IllegalArgumentException {

    private final String list;
    private final String value;

    public UnknownCodeException(String list, String value, Collection<String> allowed) {
        super("unknown " + list + " '" + value + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
        this.list = list;
        this.value = value;
    }

    public String list() {
        return list;
    }

    public String value() {
        return value;
    }
}
