package io.retailgen.imagegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos are read into sRGB (ICC profiles converted), size-checked before decoding, and written tagged sRGB. */
class PhotoFilesTest {
    @TempDir
    Path dir;

    private static BufferedImage grey(int level) {
        BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 8; x++) {
                img.setRGB(x, y, level * 0x010101);
            }
        }
        return img;
    }

    private static byte[] pngWithProfile(BufferedImage img, ICC_Profile profile) throws Exception {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), null);
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            IIOMetadataNode iccp = new IIOMetadataNode("iCCP");
            iccp.setAttribute("profileName", "linear");
            iccp.setAttribute("compressionMethod", "deflate");
            iccp.setUserObject(profile.getData());
            root.appendChild(iccp);
            md.mergeTree("javax_imageio_png_1.0", root);
            w.setOutput(out);
            w.write(new IIOImage(img, null, md));
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    @Test
    void aPhotoWithAnotherIccProfileIsConvertedToSrgb() throws Exception {
        Path linear = Files.write(dir.resolve("linear.png"),
                pngWithProfile(grey(128), ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB)));
        BufferedImage read = PhotoFiles.read(linear);
        int g = read.getRGB(3, 3) & 0xff;
        // linear 128/255 = 0.502 is sRGB 0.735 = 188 (a reader that ignored the profile would give 128)
        assertThat(g).isBetween(184, 192);
        assertThat(read.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        Path srgb = Files.write(dir.resolve("srgb.png"),
                pngWithProfile(grey(128), ICC_Profile.getInstance(ColorSpace.CS_sRGB)));
        assertThat(PhotoFiles.read(srgb).getRGB(3, 3) & 0xff).isEqualTo(128);
    }

    @Test
    void writtenPngsCarryTheSrgbChunkAndReadBackExactly() throws Exception {
        BufferedImage img = GarmentPhotos.photo(50, 10, -20, 10);
        Path file = dir.resolve("out.png");
        PhotoFiles.writePng(img, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("sRGB");
        BufferedImage back = PhotoFiles.read(file);
        assertThat(back.getRGB(0, 0, 120, 100, null, 0, 120)).isEqualTo(img.getRGB(0, 0, 120, 100, null, 0, 120));
        assertThat(new String(AssetStore.encodePng(img, "{\"a\":1}"), StandardCharsets.ISO_8859_1))
                .as("assets in the store are tagged sRGB too").contains("sRGB");
    }

    @Test
    void hugeDimensionsAreRefusedFromTheHeaderBeforeDecoding() throws Exception {
        Path small = dir.resolve("small.png");
        ImageIO.write(grey(10), "png", small.toFile());
        byte[] png = Files.readAllBytes(small);
        // IHDR starts at byte 8 (length), 12 (type), 16 (width), 20 (height); its CRC covers type and data
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 100_000).putInt(20, 90_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        Path huge = Files.write(dir.resolve("huge.png"), png);
        assertThatThrownBy(() -> PhotoFiles.read(huge)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("100000x90000").hasMessageContaining("huge.png");
    }

    @Test
    void missingAndNonImageFilesAreNamed() throws Exception {
        assertThatThrownBy(() -> PhotoFiles.read(dir.resolve("nope.jpg"))).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("nope.jpg").hasMessageContaining("does not exist");
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image at all");
        assertThatThrownBy(() -> PhotoFiles.read(text)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("notes.png").hasMessageContaining("not an image");
        Path truncated = dir.resolve("cut.png");
        ImageIO.write(GarmentPhotos.photo(50, 10, -20, 10), "png", truncated.toFile());
        byte[] all = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> PhotoFiles.read(truncated)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("cut.png");
    }

    @Test
    void swatchesParseHexAndLabAndNameBadValues() {
        assertThat(Swatch.parse("#f2d33c").toRgb()).isEqualTo(0xf2d33c);
        Swatch lab = Swatch.parse("lab(52, 10, -30)");
        assertThat(lab.l()).isEqualTo(52.0);
        assertThat(lab.a()).isEqualTo(10.0);
        assertThat(lab.b()).isEqualTo(-30.0);
        assertThat(Swatch.parse(" LAB(52.5,+10,-30.25) ").b()).isEqualTo(-30.25);
        for (String bad : new String[] {"red", "#12345g", "lab(52,10)", "lab(1e3,0,0)", "", "lab(,,)"}) {
            assertThatThrownBy(() -> Swatch.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Swatch.parse("lab(120, 0, 0)")).hasMessageContaining("L* must be within 0..100");
        assertThatThrownBy(() -> Swatch.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
