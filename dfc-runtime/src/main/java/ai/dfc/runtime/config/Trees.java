package ai.dfc.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;

/** Operations on configuration trees. */
final class Trees {
    private Trees() {
    }

    /** The dotted path of the first leaf below {@code node}, for naming an unknown subtree by a full key. */
    static String firstLeaf(String path, JsonNode node) {
        if (node != null && node.isObject() && node.size() > 0) {
            String key = node.fieldNames().next();
            return firstLeaf(RecordBinder.join(path, key), node.get(key));
        }
        return path;
    }

    /** Adds the dotted path of every leaf below {@code node} to {@code out}. */
    static void leafPaths(String path, JsonNode node, java.util.List<String> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> leafPaths(RecordBinder.join(path, e.getKey()), e.getValue(), out));
        } else if (!path.isEmpty()) {
            out.add(path);
        }
    }
}
