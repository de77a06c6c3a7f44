package nl.koers.model.codes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.koers.model.UnknownCodeException;

/**
 * The lookup shared by every enum code list: from wire code to constant, with an
 * {@link UnknownCodeException} that names the list and the allowed codes.
 *
 * @param <E> the enum of the list
 */
public final class CodeList<E extends Enum<E> & Code> {

    private static final Map<Class<?>, CodeList<?>> LISTS = new ConcurrentHashMap<>();

    private final String name;
    private final List<E> values;
    private final Map<String, E> byCode;

    private CodeList(Class<E> type) {
        this.name = nameOf(type);
        this.values = List.of(type.getEnumConstants());
        this.byCode = values.stream().collect(Collectors.toUnmodifiableMap(Code::code, Function.identity()));
    }

    /** The code list of an enum; built once per enum. */
    @SuppressWarnings("unchecked")
    public static <E extends Enum<E> & Code> CodeList<E> of(Class<E> type) {
        return (CodeList<E>) LISTS.computeIfAbsent(type, t -> new CodeList<>(type));
    }

    /** Shorthand for {@code of(type).parse(code)}, for the enums' JSON creators. */
    public static <E extends Enum<E> & Code> E parse(Class<E> type, String code) {
        return of(type).parse(code);
    }

    static String nameOf(Class<?> type) {
        String simple = type.getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    public String name() {
        return name;
    }

    /** Every value in declaration order. */
    public List<E> values() {
        return values;
    }

    /** Every wire code in declaration order. */
    public List<String> codes() {
        return values.stream().map(Code::code).toList();
    }

    public Optional<E> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The value for a wire code; {@link UnknownCodeException} names the list and the allowed codes. */
    public E parse(String code) {
        return find(code).orElseThrow(() -> new UnknownCodeException(name, String.valueOf(code), codes()));
    }

    @Override
    public String toString() {
        return name + codes();
    }
}
