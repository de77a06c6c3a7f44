package nl.koers.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.koers.sync.Json;

/**
 * Edits of a valid request body for tests of bad input: the paths of its values
 * ({@code mutations[0].seq}, the form the server names them in) and the body's text with one
 * value replaced by raw text, which need not be valid JSON.
 */
final class JsonEdits {

    private JsonEdits() {
    }

    /** The path of every value in the tree, containers included, in document order. */
    static List<String> paths(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                collect(node.get(name), child, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "[" + i + "]");
                collect(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    /** The value at a path; the empty path is the root. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String step : path.replace("[", ".[").split("\\.")) {
            if (!step.isEmpty()) {
                node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1))) : node.get(step);
            }
        }
        return node;
    }

    /** The body's text with the value at {@code path} (the empty path: the whole body) replaced by raw text. */
    static String replaced(JsonNode root, String path, String raw) {
        if (path.isEmpty()) {
            return raw;
        }
        String marker = "\"@@" + UUID.randomUUID() + "@@\"";
        JsonNode copy = root.deepCopy();
        int split = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        JsonNode parent = split <= 0 ? copy : at(copy, path.substring(0, split));
        String last = path.substring(split + 1);
        JsonNode placeholder = Json.MAPPER.getNodeFactory().textNode(marker.substring(1, marker.length() - 1));
        if (last.endsWith("]")) {
            ((ArrayNode) parent).set(Integer.parseInt(last.substring(0, last.length() - 1)), placeholder);
        } else {
            ((ObjectNode) parent).set(last, placeholder);
        }
        return Json.write(copy).replace(marker, raw);
    }
}
