package io.retailgen.cli.imagegen;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retailgen.cli.Json;
import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.ImageVariations;
import io.retailgen.imagegen.PhotoFiles;
import io.retailgen.imagegen.ProductSegmenter;
import io.retailgen.imagegen.Swatch;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code retailgen imagegen recolor}: a colourway variant of a real product photo. The sold item is found by
 * {@link ProductSegmenter} and recoloured by {@link ImageVariations#recolor}; the output is a same-size sRGB PNG.
 */
@Command(name = "recolor", description = "Recolour the sold item of a studio product photo to a swatch.")
final class RecolorCommand implements Callable<Integer> {
    @Option(names = "--image", required = true, description = "The product photo (PNG or JPEG, white studio"
            + " background).")
    Path image;

    @Option(names = "--color", required = true, description = "Target colour: '#rrggbb' or 'lab(L, a, b)'.")
    String color;

    @Option(names = "--out", required = true, description = "Output PNG (sRGB, same size as the photo).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object as the last line.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Swatch target;
        try {
            target = Swatch.parse(color);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--color: " + e.getMessage());
        }
        VariantFiles.requireWritableParent(out);
        BufferedImage photo = PhotoFiles.read(image);
        long t0 = System.nanoTime();
        GarmentMask garment = ProductSegmenter.segment(photo, null);
        long t1 = System.nanoTime();
        if (garment.count() == 0) {
            throw new RetailGenException(ErrorCode.INVALID_DATA, "image " + image + " has no product on its studio"
                    + " background: nothing to recolour");
        }
        BufferedImage result = ImageVariations.recolor(photo, garment, target);
        long t2 = System.nanoTime();
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] before = photo.getRGB(0, 0, w, h, null, 0, w);
        int[] after = result.getRGB(0, 0, w, h, null, 0, w);
        long changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += (before[i] & 0xffffff) != (after[i] & 0xffffff) ? 1 : 0;
        }
        PhotoFiles.writePng(result, out);
        double seconds = (t2 - t0) / 1e9;
        double share = changed / (double) before.length;
        o.println(String.format(Locale.ROOT, "recoloured %s (%dx%d) to %s: %.1f%% of the pixels changed, %.3f s"
                + " (segmentation %.3f s, recolour %.3f s); written to %s", image, w, h, target, 100 * share, seconds,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, out));
        if (json) {
            ObjectNode r = Json.object();
            r.put("image", image.toString());
            r.put("out", out.toString());
            r.put("width", w);
            r.put("height", h);
            r.put("color", String.format(Locale.ROOT, "#%06x", target.toRgb()));
            r.put("seconds", ImagegenCommand.round(seconds));
            r.put("segment_seconds", ImagegenCommand.round((t1 - t0) / 1e9));
            r.put("recolor_seconds", ImagegenCommand.round((t2 - t1) / 1e9));
            r.put("mask_share", ImagegenCommand.round(share));
            r.put("garment_share", ImagegenCommand.round(garment.share()));
            Json.print(o, r);
        }
        return 0;
    }
}
