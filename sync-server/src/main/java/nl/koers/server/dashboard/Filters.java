package nl.koers.server.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's filters as they travel in links and forms: reference date, project,
 * municipality, period, audience and language. Everything else in a query is ignored.
 */
record Filters(Map<String, String> values) {

    static final List<String> NAMES = List.of("asOf", "project", "municipality", "from", "to", "audience", "lang");

    Filters {
        values = Map.copyOf(values);
    }

    static Filters of(Function<String, String> query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = query.apply(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        return new Filters(values);
    }

    String get(String name) {
        return values.getOrDefault(name, "");
    }

    boolean english() {
        return "en".equals(values.get("lang"));
    }

    Filters with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        if (value == null || value.isEmpty()) {
            changed.remove(name);
        } else {
            changed.put(name, value);
        }
        return new Filters(changed);
    }

    /** As a query for the report engine, with extra parameters (grouping). */
    Function<String, List<String>> query(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putAll(extra);
        return name -> all.containsKey(name) ? List.of(all.get(name)) : List.of();
    }

    /** {@code ?a=1&b=2} in a fixed order, or empty. */
    String queryString() {
        List<String> parts = new ArrayList<>();
        for (String name : NAMES) {
            if (values.containsKey(name)) {
                parts.add(name + "=" + URLEncoder.encode(values.get(name), StandardCharsets.UTF_8));
            }
        }
        return parts.isEmpty() ? "" : parts.stream().collect(Collectors.joining("&", "?", ""));
    }
}
