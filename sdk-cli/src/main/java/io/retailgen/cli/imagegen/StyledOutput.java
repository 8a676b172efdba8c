package io.retailgen.cli.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.imagegen.AssetPipeline;
import io.retailgen.imagegen.AssetStore;
import io.retailgen.imagegen.GeneratedImages;
import io.retailgen.imagegen.Lineage;
import io.retailgen.imagegen.StyleGuide;
import io.retailgen.imagegen.StyleRecipe;
import io.retailgen.imagegen.StyleValidator;
import io.retailgen.imagegen.StyledAsset;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Styling of generated images for {@code generate --style}: pipeline, validator, asset store, contact sheet. */
final class StyledOutput {
    private final StyleGuide guide;
    private final Path out;
    private int violations;

    private StyledOutput(StyleGuide guide, Path out) {
        this.guide = guide;
        this.out = out;
    }

    static StyledOutput load(Path guideFile, Path out) {
        return new StyledOutput(StyleGuide.read(guideFile), out);
    }

    int violations() {
        return violations;
    }

    void write(GeneratedImages images, int category, PrintWriter o) throws IOException {
        AssetPipeline pipeline = AssetPipeline.builder().guide(guide).build();
        AssetStore store = AssetStore.open(out.resolve("store"), Clock.systemUTC());
        int palette = guide.palette().size();
        int n = images.count();
        int cols = Math.min(10, n);
        int thumb = 128;
        BufferedImage sheet = new BufferedImage(cols * thumb, ((n + cols - 1) / cols) * thumb,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        try {
            for (int i = 0; i < n; i++) {
                StyleRecipe recipe = StyleRecipe.simple(i % palette, (i + 1) % palette);
                StyledAsset a = pipeline.render(images, i, recipe);
                List<String> v = StyleValidator.validate(a.image(), guide);
                violations += v.size();
                for (String s : v) {
                    o.println("image " + i + ": " + s);
                }
                String id = store.put(String.format(Locale.ROOT, "c%d-%04d", category, i), a.image(),
                        new Lineage(images.modelVersion(), images.seed(), "category=" + category + ",index=" + i,
                                null, a.steps()));
                Files.write(out.resolve(String.format(Locale.ROOT, "styled-c%d-%04d.png", category, i)),
                        store.read(id));
                int w = thumb;
                int h = (int) Math.round(thumb * (double) a.image().getHeight() / a.image().getWidth());
                g.drawImage(a.image(), (i % cols) * thumb, (i / cols) * thumb, w, Math.min(h, thumb), null);
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(sheet, "png", out.resolve("contact-sheet.png").toFile())) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "no PNG writer for the contact sheet");
        }
        o.println(n + " styled assets in " + out + " (" + violations + " style violations), store "
                + store.root());
    }
}
