package eu.authorityhub.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON Patch (RFC 6902) operations add, remove, replace and test; a path that does not exist is an error. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, ArrayNode ops) {
        for (JsonNode op : ops) {
            String path = op.path("path").asText();
            int cut = path.lastIndexOf('/');
            JsonNode parent = resolve(target, path.substring(0, cut));
            String last = unescape(path.substring(cut + 1));
            JsonNode value = op.get("value");
            switch (op.path("op").asText()) {
                case "add" -> {
                    if (parent instanceof ArrayNode a) {
                        if (last.equals("-")) {
                            a.add(value);
                        } else {
                            a.insert(index(a, last, true), value);
                        }
                    } else {
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "remove" -> {
                    child(parent, last, path);
                    if (parent instanceof ArrayNode a) {
                        a.remove(index(a, last, false));
                    } else {
                        ((ObjectNode) parent).remove(last);
                    }
                }
                case "replace" -> {
                    child(parent, last, path);
                    if (parent instanceof ArrayNode a) {
                        a.set(index(a, last, false), value);
                    } else {
                        ((ObjectNode) parent).set(last, value);
                    }
                }
                case "test" -> {
                    if (!child(parent, last, path).equals(value)) {
                        throw new IllegalArgumentException("test failed at " + path + ": " + child(parent, last,
                                path) + " is not " + value);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported patch operation " + op);
            }
        }
    }

    private static JsonNode resolve(JsonNode root, String pointer) {
        JsonNode node = root;
        if (pointer.isEmpty()) {
            return node;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            node = child(node, unescape(part), pointer);
        }
        return node;
    }

    private static JsonNode child(JsonNode node, String name, String path) {
        JsonNode c = node instanceof ArrayNode a ? a.get(index(a, name, false)) : node.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no " + path);
        }
        return c;
    }

    private static int index(ArrayNode a, String name, boolean end) {
        int i = Integer.parseInt(name);
        if (i < 0 || i > a.size() || (!end && i == a.size())) {
            throw new IllegalArgumentException("index " + i + " out of bounds");
        }
        return i;
    }

    private static String unescape(String s) {
        return s.replace("~1", "/").replace("~0", "~");
    }
}
