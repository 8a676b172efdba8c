package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.Lineage;
import io.retailgen.imagegen.PhotoFiles;
import io.retailgen.imagegen.PhotoVariants;
import io.retailgen.imagegen.ReviewQueue;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.StyleValidator;
import io.retailgen.imagegen.StyledAsset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen imagegen vary}: background, lighting and crop variants of a real product photo for a brand style
 * guide. Each variant is checked by the {@link StyleValidator}, stored with its lineage in an {@link AssetStore} under
 * {@code DIR/store} and submitted to a {@link ReviewQueue} (its state is written to {@code DIR/review-queue.json}).
 */
@Command(name = "vary", description = "Background, lighting and crop variants of a studio product photo.")
final class VaryCommand implements Callable<Integer> {
    /** The lineage's model field: the variants come from the classical studio mask, not a trained model. */
    static final String MADE_BY = "classical-segmenter";
    private static final double LIGHT_STRENGTH = 0.3;

    @Option(names = "--image", required = true, description = "The product photo (PNG or JPEG, white studio"
            + " background).")
    Path image;

    @Option(names = "--style-guide", required = true, description = "Brand style guide JSON (palette, background,"
            + " margin, sizes).")
    Path styleGuide;

    @Option(names = "--out", required = true, description = "Output folder: one PNG per variant, store/ and"
            + " review-queue.json.")
    Path out;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private record Recipe(String name, Function<BufferedImage, StyledAsset> render) {
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        StyleGuide guide = StyleGuide.read(styleGuide);
        BufferedImage photo = PhotoFiles.read(image);
        VariantFiles.createFolder(out);
        PhotoVariants variants = PhotoVariants.of(AssetPipeline.builder().guide(guide).build());
        List<Recipe> recipes = List.of(
                new Recipe("background", p -> variants.background(p, 0)),
                new Recipe("relight-left", p -> variants.relight(p, 45, LIGHT_STRENGTH)),
                new Recipe("relight-right", p -> variants.relight(p, 135, LIGHT_STRENGTH)),
                new Recipe("crop-1x1", p -> variants.crop(p, PhotoVariants.Aspect.SQUARE_1_1)),
                new Recipe("crop-4x5", p -> variants.crop(p, PhotoVariants.Aspect.PORTRAIT_4_5)),
                new Recipe("crop-16x9", p -> variants.crop(p, PhotoVariants.Aspect.BANNER_16_9)));
        AssetStore store = AssetStore.open(out.resolve("store"), Clock.systemUTC());
        ReviewQueue queue = new ReviewQueue(Clock.systemUTC());
        String key = VariantFiles.keyOf(image);
        String source = image.getFileName() == null ? image.toString() : image.getFileName().toString();
        String sourceId = store.put(key + "-source", photo, new Lineage(MADE_BY, 0L, "file=" + source, null,
                List.of("read:srgb")));
        ArrayNode list = Json.array();
        int violations = 0;
        long start = System.nanoTime();
        for (Recipe recipe : recipes) {
            long t0 = System.nanoTime();
            StyledAsset asset = recipe.render().apply(photo);
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<String> problems = StyleValidator.validate(asset.image(), guide);
            violations += problems.size();
            String id = store.put(key + "-" + recipe.name(), asset.image(), new Lineage(MADE_BY, 0L,
                    "source=" + source + ",variant=" + recipe.name() + ",guide=" + guide.name(), sourceId,
                    asset.steps()));
            if (queue.status(id) == null) { // two variants with the same pixels are one asset, reviewed once
                queue.submit(id, "imagegen vary " + source + " " + recipe.name());
            }
            Path file = out.resolve(key + "-" + recipe.name() + ".png");
            write(file, store.read(id));
            o.println(String.format(Locale.ROOT, "%s: %dx%d in %.3f s, %d style violation(s), asset %s %s, %s",
                    recipe.name(), asset.image().getWidth(), asset.image().getHeight(), seconds, problems.size(),
                    id.substring(0, 12), queue.status(id), file));
            for (String p : problems) {
                o.println("  " + p);
            }
            ObjectNode v = list.addObject();
            v.put("name", recipe.name());
            v.put("file", file.toString());
            v.put("asset_id", id);
            v.put("width", asset.image().getWidth());
            v.put("height", asset.image().getHeight());
            v.put("seconds", ImagegenCommand.round(seconds));
            v.put("review", queue.status(id).name().toLowerCase(Locale.ROOT));
            ArrayNode pv = v.putArray("violations");
            problems.forEach(pv::add);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writeQueue(queue, store, key, recipes);
        o.println(String.format(Locale.ROOT, "%d variants of %s in %s (%d style violations, %.3f s), store %s,"
                + " all pending review", recipes.size(), image, out, violations, seconds, store.root()));
        if (json) {
            ObjectNode r = Json.object();
            r.put("image", image.toString());
            r.put("style_guide", guide.name());
            r.put("source_asset_id", sourceId);
            r.put("seconds", ImagegenCommand.round(seconds));
            r.put("violations", violations);
            r.put("store", store.root().toString());
            r.set("variants", list);
            Json.print(o, r);
        }
        return 0;
    }

    private void writeQueue(ReviewQueue queue, AssetStore store, String key, List<Recipe> recipes) {
        ArrayNode decisions = Json.array();
        for (Recipe recipe : recipes) {
            String id = store.current(key + "-" + recipe.name());
            for (ReviewQueue.Decision d : queue.history(id)) {
                ObjectNode n = decisions.addObject();
                n.put("asset_id", d.assetId());
                n.put("key", key + "-" + recipe.name());
                n.put("status", d.status().name());
                n.put("reviewer", d.reviewer());
                n.put("comment", d.comment());
                n.put("time", d.time().toString());
            }
        }
        write(out.resolve("review-queue.json"), Json.pretty(decisions).getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
