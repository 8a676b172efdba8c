package io.retailgen.benchmarks.imagegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.retailgen.imagegen.Ciede2000;
import io.retailgen.imagegen.GarmentMask;
import io.retailgen.imagegen.ImageVariations;
import io.retailgen.imagegen.PhotoFiles;
import io.retailgen.imagegen.ProductSegmenter;
import io.retailgen.imagegen.Swatch;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The contact sheet of the docs: for a few held-out Luma colour pairs, the input photo, our recolouring (classical
 * {@link ProductSegmenter} with the catalogue's colour of the input, then {@link ImageVariations#recolor} to the median
 * colour of the real target photo over the pixels where the two real photos differ by CIEDE2000 &gt; 10, as in
 * {@link RecolourEvaluation}) and the real photo in the target colour, downscaled, as a JPEG under 400 KB.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.retailgen.benchmarks.imagegen.RecolourContactSheet LUMA_DIR OUT.jpg [pairs]
 * </pre>
 */
public final class RecolourContactSheet {
    private static final int THUMB_H = 300;
    private static final int LABEL_H = 22;
    private static final int GAP = 6;
    private static final long MAX_BYTES = 400_000;

    private RecolourContactSheet() {
    }

    /**
     * @param args the Luma catalog folder, the output JPEG, how many pairs (default 6)
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Path luma = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int wanted = args.length > 2 ? Integer.parseInt(args[2]) : 6;
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> pairs = new ArrayList<>();
        Map<String, String> swatchOf = new HashMap<>();
        for (String line : Files.readAllLines(luma.resolve("pairs.jsonl"))) {
            if (!line.isBlank()) {
                JsonNode p = json.readTree(line);
                pairs.add(p);
                swatchOf.put(p.get("style").asText() + "/" + p.get("dst_color").asText(), p.get("swatch").asText());
            }
        }
        List<JsonNode> heldOut = new ArrayList<>();
        String lastStyle = "";
        for (JsonNode p : pairs) {
            String style = p.get("style").asText();
            if (RecolourEvaluation.heldOut(style) && !style.equals(lastStyle)) {
                heldOut.add(p); // one pair per style
                lastStyle = style;
            }
        }
        List<BufferedImage[]> rows = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < wanted && i < heldOut.size(); i++) {
            JsonNode p = heldOut.get((int) ((long) i * heldOut.size() / Math.min(wanted, heldOut.size())));
            BufferedImage src = PhotoFiles.read(luma.resolve(p.get("src").asText()));
            BufferedImage dst = PhotoFiles.read(luma.resolve(p.get("dst").asText()));
            Swatch target = Swatch.medianOf(dst, trueGarment(src, dst));
            String stated = swatchOf.get(p.get("style").asText() + "/" + p.get("src_color").asText());
            GarmentMask mask = ProductSegmenter.segment(src, stated == null ? null : Swatch.hex(stated));
            BufferedImage ours = mask.count() == 0 ? src : ImageVariations.recolor(src, mask, target);
            rows.add(new BufferedImage[] {src, ours, dst});
            captions.add(String.format(Locale.ROOT, "%s %s: %s to %s", p.get("style").asText(),
                    p.get("view").asText(), p.get("src_color").asText(), p.get("dst_color").asText()));
            System.out.println("pair " + captions.get(captions.size() - 1) + " -> " + target);
        }
        BufferedImage sheet = draw(rows, captions);
        for (float quality = 0.85f; ; quality -= 0.05f) {
            byte[] jpeg = jpeg(sheet, quality);
            if (jpeg.length <= MAX_BYTES || quality <= 0.4f) {
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.write(out, jpeg);
                System.out.printf(Locale.ROOT, "%s: %dx%d, %,d bytes (JPEG quality %.2f)%n", out, sheet.getWidth(),
                        sheet.getHeight(), jpeg.length, quality);
                return;
            }
        }
    }

    /** Where the two real photos differ by CIEDE2000 &gt; 10: the garment, by the evaluation's definition. */
    static GarmentMask trueGarment(BufferedImage src, BufferedImage dst) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] a = src.getRGB(0, 0, w, h, null, 0, w);
        int[] b = dst.getRGB(0, 0, w, h, null, 0, w);
        boolean[] garment = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            garment[i] = (a[i] & 0xffffff) != (b[i] & 0xffffff) && Ciede2000.distance(a[i] & 0xffffff,
                    b[i] & 0xffffff) > RecolourEvaluation.GARMENT_DELTA_E;
        }
        return GarmentMask.of(w, h, garment);
    }

    private static BufferedImage draw(List<BufferedImage[]> rows, List<String> captions) {
        int thumbW = 0;
        for (BufferedImage[] r : rows) {
            thumbW = Math.max(thumbW, (int) Math.round(r[0].getWidth() * (double) THUMB_H / r[0].getHeight()));
        }
        String[] heads = {"input", "recoloured (ours)", "real photo"};
        int pairsPerLine = 2;
        int lines = (rows.size() + pairsPerLine - 1) / pairsPerLine;
        int blockW = 3 * thumbW + 2 * GAP;
        int width = pairsPerLine * blockW + (pairsPerLine + 1) * 3 * GAP;
        int lineH = LABEL_H * 2 + THUMB_H + GAP;
        BufferedImage sheet = new BufferedImage(width, lines * lineH + GAP, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int i = 0; i < rows.size(); i++) {
                int x0 = 3 * GAP + (i % pairsPerLine) * (blockW + 3 * GAP);
                int y0 = (i / pairsPerLine) * lineH + GAP;
                g.setColor(Color.BLACK);
                g.drawString(captions.get(i), x0, y0 + LABEL_H - 6);
                for (int k = 0; k < 3; k++) {
                    int x = x0 + k * (thumbW + GAP);
                    g.setColor(Color.DARK_GRAY);
                    g.drawString(heads[k], x, y0 + 2 * LABEL_H - 6);
                    g.drawImage(scaled(rows.get(i)[k], THUMB_H), x, y0 + 2 * LABEL_H, null);
                }
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** Halving steps, then one bilinear step: a sharp, alias-free thumbnail. */
    private static BufferedImage scaled(BufferedImage img, int height) {
        BufferedImage cur = img;
        while (cur.getHeight() / 2 >= height) {
            cur = resize(cur, cur.getWidth() / 2, cur.getHeight() / 2);
        }
        return resize(cur, (int) Math.round(cur.getWidth() * (double) height / cur.getHeight()), height);
    }

    private static BufferedImage resize(BufferedImage img, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
