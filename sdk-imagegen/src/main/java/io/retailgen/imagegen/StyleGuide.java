package io.retailgen.imagegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A brand style guide: allowed output sizes and aspect ratios, colour palette, background style, margins, fit mode
 * and the colour tolerance of the validator. Read from JSON:
 *
 * <pre>{@code
 * {
 *   "name": "acme-2026",
 *   "sizes": [[1024, 1024], [1200, 900]],
 *   "aspect_ratios": ["1:1", "4:3"],
 *   "palette": ["#1B2A49", "#E30613", "#F5F1E8"],
 *   "background": "gradient",
 *   "margin": 0.08,
 *   "fit": "pad",
 *   "max_delta_e": 12.0
 * }
 * }</pre>
 *
 * <p>A guide that contradicts itself (a size whose aspect ratio is not allowed, margins that leave no room, an empty
 * palette) is rejected when built. Immutable and safe for concurrent use.
 *
 * @param name the guide's name
 * @param sizes allowed output sizes, each {@code {width, height}}
 * @param aspectRatios allowed aspect ratios, each {@code {w, h}}
 * @param palette allowed colours, {@code 0xRRGGBB}
 * @param background background style
 * @param margin margin on each side as a fraction of the shorter side, {@code [0, 0.45]}
 * @param fit how content reaches the target aspect ratio
 * @param maxDeltaE largest CIEDE2000 distance of a dominant colour from the nearest palette colour
 */
public record StyleGuide(String name, List<int[]> sizes, List<int[]> aspectRatios, List<Integer> palette,
        Background background, double margin, Fit fit, double maxDeltaE) {

    /** Background styles. */
    public enum Background {
        /** One palette colour. */
        SOLID,
        /** A vertical gradient between two palette colours. */
        GRADIENT,
        /** A deterministic fine texture on a palette colour. */
        TEXTURE
    }

    /** Ways to reach the target aspect ratio. */
    public enum Fit {
        /** Scale the content to fit and pad with background. */
        PAD,
        /** Crop around the product's bounding box, then scale to fill. */
        CROP
    }

    private static final long MAX_FILE_BYTES = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final double RATIO_TOLERANCE = 0.01;

    /** Validates, copies, and rejects self-contradictory guides. */
    public StyleGuide {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(background, "background == null");
        Objects.requireNonNull(fit, "fit == null");
        List<int[]> s = new ArrayList<>();
        for (int[] size : Objects.requireNonNull(sizes, "sizes == null")) {
            if (size.length != 2 || size[0] < 16 || size[1] < 16 || size[0] > 8192 || size[1] > 8192) {
                throw new IllegalArgumentException("style guide '" + name + "': size "
                        + java.util.Arrays.toString(size) + " must be [width, height] within 16..8192");
            }
            s.add(size.clone());
        }
        List<int[]> r = new ArrayList<>();
        for (int[] ratio : Objects.requireNonNull(aspectRatios, "aspectRatios == null")) {
            if (ratio.length != 2 || ratio[0] < 1 || ratio[1] < 1) {
                throw new IllegalArgumentException("style guide '" + name + "': aspect ratio "
                        + java.util.Arrays.toString(ratio) + " must be two positive integers");
            }
            r.add(ratio.clone());
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("style guide '" + name + "' allows no output size");
        }
        if (r.isEmpty()) {
            throw new IllegalArgumentException("style guide '" + name + "' allows no aspect ratio");
        }
        palette = List.copyOf(Objects.requireNonNull(palette, "palette == null"));
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("style guide '" + name + "' has an empty palette");
        }
        if (background == Background.GRADIENT && palette.size() < 2) {
            throw new IllegalArgumentException("style guide '" + name
                    + "': a gradient background needs at least 2 palette colours, palette has 1");
        }
        if (!(margin >= 0 && margin <= 0.45)) {
            throw new IllegalArgumentException("style guide '" + name + "': margin " + margin
                    + " must be in [0, 0.45] (a fraction of the shorter side per edge)");
        }
        if (!(maxDeltaE > 0 && maxDeltaE <= 100)) {
            throw new IllegalArgumentException("style guide '" + name + "': max_delta_e " + maxDeltaE
                    + " must be in (0, 100]");
        }
        for (int[] size : s) {
            if (!ratioAllowed(r, size[0], size[1])) {
                throw new IllegalArgumentException("style guide '" + name + "' is self-contradictory: size "
                        + size[0] + "x" + size[1] + " has aspect ratio " + ratioText(size[0], size[1])
                        + ", which is not among the allowed " + ratios(r));
            }
        }
        sizes = List.copyOf(s);
        aspectRatios = List.copyOf(r);
    }

    @Override
    public List<int[]> sizes() {
        List<int[]> out = new ArrayList<>();
        for (int[] s : sizes) {
            out.add(s.clone());
        }
        return out;
    }

    @Override
    public List<int[]> aspectRatios() {
        List<int[]> out = new ArrayList<>();
        for (int[] s : aspectRatios) {
            out.add(s.clone());
        }
        return out;
    }

    /**
     * @param width image width
     * @param height image height
     * @return whether {@code width:height} is one of the allowed aspect ratios (within 1%)
     */
    public boolean aspectAllowed(int width, int height) {
        return ratioAllowed(aspectRatios, width, height);
    }

    /**
     * @param width image width
     * @param height image height
     * @return whether the exact size is allowed
     */
    public boolean sizeAllowed(int width, int height) {
        for (int[] s : sizes) {
            if (s[0] == width && s[1] == height) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param rgb a colour {@code 0xRRGGBB}
     * @return the CIEDE2000 distance to the nearest palette colour
     */
    public double paletteDistance(int rgb) {
        double best = Double.MAX_VALUE;
        for (int p : palette) {
            best = Math.min(best, Ciede2000.distance(rgb, p));
        }
        return best;
    }

    /**
     * @param name a guide name
     * @param palette the new palette
     * @return a copy with another name and palette (regional variants)
     */
    public StyleGuide withPalette(String name, List<Integer> palette) {
        return new StyleGuide(name, sizes, aspectRatios, palette, background, margin, fit, maxDeltaE);
    }

    private static boolean ratioAllowed(List<int[]> ratios, int w, int h) {
        double actual = (double) w / h;
        for (int[] r : ratios) {
            double want = (double) r[0] / r[1];
            if (Math.abs(actual - want) / want <= RATIO_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    private static String ratioText(int w, int h) {
        int g = java.math.BigInteger.valueOf(w).gcd(java.math.BigInteger.valueOf(h)).intValue();
        return (w / g) + ":" + (h / g);
    }

    private static String ratios(List<int[]> r) {
        List<String> s = new ArrayList<>();
        for (int[] x : r) {
            s.add(x[0] + ":" + x[1]);
        }
        return s.toString();
    }

    /**
     * @param file a style guide JSON file (UTF-8, a leading byte order mark allowed, at most 1 MiB)
     * @return the guide
     * @throws RetailGenException when the file cannot be read, is not JSON, or the guide is invalid
     */
    public static StyleGuide read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new RetailGenException(ErrorCode.INVALID_DATA, String.format(java.util.Locale.ROOT,
                        "style guide %s is %,d bytes, over the limit of %,d for a style guide", file, size,
                        MAX_FILE_BYTES));
            }
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot read style guide " + file + ": "
                    + e.getMessage(), e);
        } catch (RetailGenException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "style guide " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param json the guide as JSON text
     * @return the guide
     * @throws RetailGenException when the text is not a valid guide (message names the field)
     */
    public static StyleGuide parse(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "style guide is not valid JSON: "
                    + e.getMessage(), e);
        }
        try {
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("style guide must be a JSON object");
            }
            String name = n.path("name").asText("style-guide");
            List<int[]> sizes = new ArrayList<>();
            for (JsonNode s : array(n, "sizes")) {
                if (!s.isArray() || s.size() != 2 || !s.get(0).canConvertToInt() || !s.get(1).canConvertToInt()) {
                    throw new IllegalArgumentException("each of 'sizes' must be [width, height], got " + s);
                }
                sizes.add(new int[] {s.get(0).asInt(), s.get(1).asInt()});
            }
            List<int[]> ratios = new ArrayList<>();
            for (JsonNode r : array(n, "aspect_ratios")) {
                String[] p = r.asText().split(":");
                try {
                    if (p.length != 2) {
                        throw new NumberFormatException();
                    }
                    ratios.add(new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())});
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("aspect ratio '" + r.asText() + "' must look like 4:3", e);
                }
            }
            List<Integer> palette = new ArrayList<>();
            for (JsonNode c : array(n, "palette")) {
                palette.add(parseHex(c.asText()));
            }
            Background bg = parseEnum(Background.class, n.path("background").asText("solid"), "background");
            Fit fit = parseEnum(Fit.class, n.path("fit").asText("pad"), "fit");
            return new StyleGuide(name, sizes, ratios, palette, bg, n.path("margin").asDouble(0.05), fit,
                    n.path("max_delta_e").asDouble(10));
        } catch (IllegalArgumentException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "invalid style guide: " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> array(JsonNode n, String field) {
        JsonNode a = n.get(field);
        if (a == null || !a.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be a JSON array");
        }
        return a;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, String field) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + field + "' is '" + text + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT), e);
        }
    }

    /**
     * @param hex {@code #RRGGBB} or {@code RRGGBB}
     * @return {@code 0xRRGGBB}
     * @throws IllegalArgumentException when not a 6-digit hex colour
     */
    public static int parseHex(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("colour '" + hex + "' must be sRGB hex like #1B2A49");
        }
        return Integer.parseInt(h, 16);
    }
}
