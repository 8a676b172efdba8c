package io.retailgen.governance.access;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an access file strictly: every field has one type, unknown fields, duplicate keys and a string where a list
 * belongs are errors that name the file and the field ({@code roles["copywriter"].modules}), because a lenient reader
 * turns a typo into a wider grant (a string for {@code modules} used to read as "no modules", which means every
 * module).
 */
final class AccessFile {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP = Set.of("roles", "grants", "anonymous");
    private static final Set<String> ROLE = Set.of("permissions", "modules");

    private final Path file;

    private AccessFile(Path file) {
        this.file = file;
    }

    /**
     * Adds the roles, grants and anonymous roles of {@code file} to {@code builder}.
     *
     * @throws RetailGenException when the file cannot be read or is not JSON
     * @throws IllegalArgumentException when a field is unknown, of the wrong type, or names an unknown role or
     *     permission, or redefines a role
     */
    static void load(Path file, AccessControl.Builder builder) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RetailGenException(ErrorCode.INVALID_DATA, "access file " + file
                    + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr()) + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read access file " + file + ": " + e.getMessage(), e);
        }
        new AccessFile(file).apply(root, builder);
    }

    private void apply(JsonNode root, AccessControl.Builder builder) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw error("(top level)", "must be a JSON object with \"roles\", \"grants\" and \"anonymous\"", root);
        }
        knownFields(root, "", TOP);
        JsonNode roles = root.get("roles");
        if (roles != null) {
            requireObject(roles, "roles");
            for (Map.Entry<String, JsonNode> e : roles.properties()) {
                String path = "roles" + key(e.getKey());
                Role role = role(e.getKey(), e.getValue(), path);
                try {
                    builder.role(role);
                } catch (IllegalArgumentException ex) {
                    throw error(path, ex.getMessage(), null);
                }
            }
        }
        JsonNode grants = root.get("grants");
        if (grants != null) {
            requireObject(grants, "grants");
            for (Map.Entry<String, JsonNode> e : grants.properties()) {
                String path = "grants" + key(e.getKey());
                List<String> names = strings(e.getValue(), path, "role names such as [\"reviewer\"]");
                try {
                    builder.grant(e.getKey(), names.toArray(String[]::new));
                } catch (IllegalArgumentException ex) {
                    throw error(path, ex.getMessage(), null);
                }
            }
        }
        JsonNode anonymous = root.get("anonymous");
        if (anonymous != null) {
            List<String> names = strings(anonymous, "anonymous", "role names such as [\"generator\"]");
            try {
                builder.anonymous(names.toArray(String[]::new));
            } catch (IllegalArgumentException ex) {
                throw error("anonymous", ex.getMessage(), null);
            }
        }
    }

    private Role role(String name, JsonNode node, String path) {
        requireObject(node, path);
        knownFields(node, path, ROLE);
        JsonNode perms = node.get("permissions");
        if (perms == null) {
            throw error(path + ".permissions", "is required: a list such as [\"GENERATE\"]", null);
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        List<String> names = strings(perms, path + ".permissions", "permission names such as [\"GENERATE\"]");
        for (int i = 0; i < names.size(); i++) {
            try {
                permissions.add(Permission.valueOf(names.get(i)));
            } catch (IllegalArgumentException e) {
                throw error(path + ".permissions[" + i + "]", "unknown permission '" + names.get(i) + "'; known: "
                        + Arrays.toString(Permission.values()), null);
            }
        }
        JsonNode mods = node.get("modules");
        Set<String> modules = new LinkedHashSet<>(mods == null ? List.of()
                : strings(mods, path + ".modules",
                        "module names such as [\"imagegen\"]; leave it out for every module"));
        try {
            return new Role(name, permissions, modules);
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), null);
        }
    }

    private List<String> strings(JsonNode node, String path, String expected) {
        if (!node.isArray()) {
            throw error(path, "must be a list of " + expected, node);
        }
        List<String> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode n = node.get(i);
            if (!n.isTextual()) {
                throw error(path + "[" + i + "]", "must be a string", n);
            }
            out.add(n.asText());
        }
        return out;
    }

    private void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(path, "must be a JSON object", node);
        }
    }

    private void knownFields(JsonNode node, String path, Set<String> known) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String f = e.getKey();
            if (!known.contains(f)) {
                throw error(path.isEmpty() ? f : path + "." + f, "is not a known field; known: "
                        + known.stream().sorted().toList(), null);
            }
        }
    }

    private static String key(String name) {
        return "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private IllegalArgumentException error(String path, String problem, JsonNode value) {
        String was = value == null ? "" : ", was " + describe(value);
        return new IllegalArgumentException("access file " + file + ": " + path + " " + problem + was);
    }

    private static String describe(JsonNode v) {
        String text = v.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        String type = v.isTextual() ? "a string" : v.isNumber() ? "a number" : v.isBoolean() ? "a boolean"
                : v.isNull() ? "null" : v.isArray() ? "a list" : "an object";
        return v.isNull() ? type : type + " " + text;
    }
}
