package org.onecall.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * A read-only view of one node of a hierarchical configuration (a YAML file read by Commons
 * Configuration), with the dotted key of where it sits so problems can name it.
 */
record Tree(String key, ImmutableNode node) {
    static Tree root(ImmutableNode node) {
        return new Tree("", node);
    }

    Optional<Tree> child(String name) {
        return node.getChildren().stream().filter(c -> name.equals(c.getNodeName())).findFirst()
                .map(c -> new Tree(path(name), c));
    }

    /** Children by name in file order; a YAML map. */
    Map<String, Tree> entries() {
        Map<String, Tree> map = new LinkedHashMap<>();
        for (ImmutableNode c : node.getChildren()) {
            map.putIfAbsent(c.getNodeName(), new Tree(path(c.getNodeName()), c));
        }
        return map;
    }

    boolean isLeaf() {
        return node.getChildren().isEmpty();
    }

    /** The scalar value, if this node has one. */
    Optional<String> text() {
        Object v = node.getValue();
        if (v == null || v instanceof List<?> || v instanceof Map<?, ?>) {
            return Optional.empty();
        }
        return Optional.of(v.toString());
    }

    Optional<String> text(String child) {
        return child(child).flatMap(Tree::text);
    }

    /** A YAML list of scalars under a child, or a single scalar as a list of one. */
    List<String> list(String child) {
        List<String> values = new ArrayList<>();
        for (ImmutableNode c : node.getChildren()) {
            if (child.equals(c.getNodeName())) {
                Object v = c.getValue();
                if (v instanceof List<?> l) {
                    l.forEach(x -> values.add(String.valueOf(x)));
                } else if (v != null) {
                    values.add(v.toString());
                }
            }
        }
        return values;
    }

    String path(String name) {
        return key.isEmpty() ? name : key + "." + name;
    }
}
