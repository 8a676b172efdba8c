package io.retailgen.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A tiny Luma-shaped catalog written at run time, so that tests never need the shared data: four products (three
 * garments in two or three colourways, one bag without photos), studio photos 120x150 on white (a skin-coloured
 * head, dark hair and a shaded tee or trouser shape in each colour, pixel-aligned across the colourways; PNG for the
 * tops, JPEG for the trousers) and a few reviews, one of them spanning lines.
 */
public final class LumaFixture {

    /** The photo size. */
    public static final int WIDTH = 120;
    /** The photo size. */
    public static final int HEIGHT = 150;
    /** The garment colours of the photos, by colour name. */
    public static final Map<String, Integer> COLOURS = Map.of("Black", 0x26262a, "Yellow", 0xe8c433,
            "Blue", 0x2f5aa8, "Red", 0xb8322e, "Gray", 0x9a9a9e, "Green", 0x4f8a3c);
    /** The style with the most colourways, featured first in the tests' sessions. */
    public static final String HOODIE = "TH02";

    private static final int SKIN = 0xe0ac8a;
    private static final int HAIR = 0x3a2a1e;

    private LumaFixture() {
    }

    /**
     * @param dir the folder to write {@code products.csv}, {@code images.csv}, {@code reviews.csv} and
     *     {@code images/} into
     * @return {@code dir}
     * @throws IOException when a file cannot be written
     */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Files.writeString(dir.resolve("products.csv"), """
                style,name,type,categories,price,colors,attributes,description
                TT01,Trail Tee,configurable,"Default Category/Men/Tops/Tees,Default Category",29,Black|Yellow,\
                "{""material"": ""Cotton"", ""sale"": ""No""}","A light tee for long runs.

                • Wicking fabric.
                • Flat seams."
                TH02,Summit Hoodie,configurable,Default Category/Men/Tops/Hoodies,54.5,Blue|Red|Gray,\
                "{""material"": ""Fleece""}",Warm on cold starts.
                TP03,Ridge&trade; Pant,configurable,Default Category/Men/Bottoms/Pants,48,Green|Black,{},Tough trail trousers.
                24-MB01,Joust Duffle Bag,simple,,34,,{},A sporty duffle bag.
                """);
        StringBuilder images = new StringBuilder("style,color,view,file\n");
        for (String c : List.of("Black", "Yellow")) {
            images.append(photo(dir, "TT01", c, false, "png"));
        }
        for (String c : List.of("Blue", "Red", "Gray")) {
            images.append(photo(dir, "TH02", c, false, "png"));
        }
        for (String c : List.of("Green", "Black")) {
            images.append(photo(dir, "TP03", c, true, "jpg"));
        }
        Files.writeString(dir.resolve("images.csv"), images.toString());
        Files.writeString(dir.resolve("reviews.csv"), """
                sku,rating,title,review
                TH02,5,Warmest hoodie,"Kept me warm on a frosty morning run,
                and it still looks new."
                TH02,4,Good fit,Runs a little large.
                TT01,3,Fine,Does the job.
                """);
        return dir;
    }

    private static String photo(Path dir, String style, String colour, boolean trousers, String format)
            throws IOException {
        String name = "images/" + style.toLowerCase(java.util.Locale.ROOT) + "-"
                + colour.toLowerCase(java.util.Locale.ROOT) + "_main." + format;
        BufferedImage img = draw(COLOURS.get(colour), trousers);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format.equals("jpg")) {
            // a studio photo is saved at high quality; the default 0.75 smears a 120-pixel garment's edges
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.95f);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(dir.resolve(name).toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return style + "," + colour + ",main," + name + "\n";
    }

    /**
     * @param garment the garment colour {@code 0xRRGGBB}
     * @param trousers a trouser shape instead of a tee
     * @return the photo: white studio background, head, hair, garment with vertical folds (lightness varies along x)
     */
    static BufferedImage draw(int garment, boolean trousers) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = 0xffffff;
                double hx = x - 60;
                double hy = y - 22;
                if (hx * hx + hy * hy < 14 * 14) {
                    rgb = y < 14 ? HAIR : SKIN;
                } else if (inGarment(x, y, trousers)) {
                    double fold = 0.96 + 0.04 * Math.sin(x / 4.0);
                    rgb = shade(garment, fold);
                } else if (!trousers && y >= 95 && y < 145 && x >= 42 && x < 78) {
                    rgb = 0x1f6f6a; // other garment: teal trousers under the tee
                } else if (trousers && y >= 36 && y < 70 && x >= 38 && x < 82) {
                    rgb = 0xf4f4f4; // other garment: a white top
                }
                img.setRGB(x, y, rgb);
            }
        }
        return img;
    }

    private static boolean inGarment(int x, int y, boolean trousers) {
        if (trousers) {
            return y >= 70 && y < 145 && ((x >= 40 && x < 58) || (x >= 62 && x < 80)) || y >= 70 && y < 82
                    && x >= 40 && x < 80;
        }
        boolean torso = y >= 36 && y < 95 && x >= 38 && x < 82;
        boolean sleeves = y >= 36 && y < 58 && x >= 20 && x < 100;
        return torso || sleeves;
    }

    private static int shade(int rgb, double f) {
        int r = (int) Math.min(255, Math.round(((rgb >> 16) & 0xff) * f));
        int g = (int) Math.min(255, Math.round(((rgb >> 8) & 0xff) * f));
        int b = (int) Math.min(255, Math.round((rgb & 0xff) * f));
        return r << 16 | g << 8 | b;
    }
}
