package io.retailgen.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.retailgen.core.RetailGenException;
import io.retailgen.core.data.DataValidationException;
import io.retailgen.core.data.ValidationMode;
import io.retailgen.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LumaCatalogTest {

    private static final String PRODUCTS_HEADER = "style,name,type,categories,price,colors,attributes,description\n";
    private static final String HOODIE = "MH01,Chaz Hoodie,configurable,\"Default Category/Men/Tops/Hoodies,Default "
            + "Category\",52,Black|Gray,\"{\"\"material\"\": \"\"Wool\"\", \"\"sale\"\": \"\"Yes\"\"}\",\"Warm.\n\n"
            + "\u2022 Two-tone \"\"heather\"\".\"\n";

    private static Path folder(Path dir, String products, String images, String reviews) throws Exception {
        Files.createDirectories(dir.resolve("images"));
        Files.write(dir.resolve("images/mh01-black_main.jpg"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("images/mh01-gray_main.jpg"), new byte[] {4, 5, 6});
        Files.writeString(dir.resolve(LumaCatalog.PRODUCTS), products);
        if (images != null) {
            Files.writeString(dir.resolve(LumaCatalog.IMAGES), images);
        }
        if (reviews != null) {
            Files.writeString(dir.resolve(LumaCatalog.REVIEWS), reviews);
        }
        return dir;
    }

    @Test
    void readsProductsWithMultiLineCopyPhotosAndReviews(@TempDir Path dir) throws Exception {
        folder(dir, PRODUCTS_HEADER + HOODIE + "24-MB01,Joust Duffle Bag,simple,,34,,{},Sporty.\n",
                "style,color,view,file\nMH01,Black,main,images/mh01-black_main.jpg\n"
                        + "MH01,Gray,main,images/mh01-gray_main.jpg\n",
                "sku,rating,title,review\nMH01,5,Warm,\"Very warm,\nand soft\"\nMJ99,2,Other,Kept anyway\n");
        LumaCatalog luma = LumaCatalog.read(dir, ValidationMode.STRICT);
        assertThat(luma.products()).hasSize(2);
        LumaCatalog.Product hoodie = luma.product("MH01");
        assertThat(hoodie.name()).isEqualTo("Chaz Hoodie");
        assertThat(hoodie.price()).isEqualTo(52.0);
        assertThat(hoodie.colours()).containsExactly("Black", "Gray");
        assertThat(hoodie.categories()).containsExactly("Default Category/Men/Tops/Hoodies", "Default Category");
        assertThat(hoodie.mainCategory()).isEqualTo("Men/Tops/Hoodies");
        assertThat(hoodie.attributes()).containsExactly(Map.entry("material", "Wool"), Map.entry("sale", "Yes"));
        assertThat(hoodie.description()).isEqualTo("Warm.\n\n\u2022 Two-tone \"heather\".");
        assertThat(luma.product("24-MB01").mainCategory()).isEmpty();
        assertThat(luma.photosOf("MH01")).extracting(LumaCatalog.Photo::colour).containsExactly("Black", "Gray");
        assertThat(luma.photosOf("MH01").get(0).file()).isEqualTo(dir.toAbsolutePath().normalize()
                .resolve("images/mh01-black_main.jpg"));
        assertThat(luma.reviewsOf("MH01")).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(5);
            assertThat(r.text()).isEqualTo("Very warm,\nand soft");
        });
        assertThat(luma.reviews()).hasSize(2);
        assertThat(luma.issues()).isEmpty();
        assertThat(LumaCatalog.isPresent(dir)).isTrue();
        assertThat(LumaCatalog.isPresent(dir.resolve("images"))).isFalse();
    }

    @Test
    void badRowsAreNamedByFileLineAndFieldAndEveryGoodRowIsKept(@TempDir Path dir) throws Exception {
        // line 2-4 is the multi-line hoodie, so the bad price is on line 5, not the third record
        folder(dir, PRODUCTS_HEADER + HOODIE + "MH02,Teton Hoodie,configurable,,5O,Red,{},Cheap\n"
                        + "MH03,Bad attributes,simple,,10,,[1],x\n"
                        + "MH01,Duplicate,simple,,10,,{},x\n"
                        + "24-MB01,Joust Duffle Bag,simple,,34,,{},Sporty.\n",
                "style,color,view,file\nMH01,Black,main,images/mh01-black_main.jpg\n"
                        + "MX99,Black,main,images/mh01-black_main.jpg\n"
                        + "MH01,Gray,main,images/missing.jpg\n"
                        + "MH01,Gray,main,../outside.jpg\n"
                        + "MH01,Gray,main,images/mh01-gray_main.jpg\n",
                "sku,rating,title,review\nMH01,7,Too many,Stars\nMH01,4,Fine,Good\n");
        LumaCatalog luma = LumaCatalog.read(dir, ValidationMode.LENIENT);
        assertThat(luma.products()).extracting(LumaCatalog.Product::style).containsExactly("MH01", "24-MB01");
        assertThat(luma.product("MH01").name()).as("the first of two rows with one style").isEqualTo("Chaz Hoodie");
        assertThat(luma.photos()).extracting(LumaCatalog.Photo::colour).containsExactly("Black", "Gray");
        assertThat(luma.reviews()).extracting(LumaCatalog.Review::rating).containsExactly(4);
        Path products = dir.toAbsolutePath().normalize().resolve("products.csv");
        Path images = dir.toAbsolutePath().normalize().resolve("images.csv");
        assertThat(luma.issues()).hasSize(7);
        assertThat(luma.issues().get(0)).startsWith(products + ":5: row 5, column price: cannot parse")
                .contains("\"5O\"");
        assertThat(luma.issues().get(1)).startsWith(products + ":6: row 6, column attributes: cannot parse")
                .contains("expected a JSON object");
        assertThat(luma.issues().get(2)).startsWith(products + ":7: row 7, column style: duplicate style");
        assertThat(luma.issues().get(3)).startsWith(images + ":3: row 3, column style: no product")
                .contains("\"MX99\"");
        assertThat(luma.issues().get(4)).startsWith(images + ":4: row 4, column file: photo file not found");
        assertThat(luma.issues().get(5)).startsWith(images + ":5: row 5, column file: file must be a path inside");
        assertThat(luma.issues().get(6))
                .contains("reviews.csv:2: row 2, column rating: rating must be an integer 1..5");

        assertThatThrownBy(() -> LumaCatalog.read(dir, ValidationMode.STRICT))
                .isInstanceOf(DataValidationException.class)
                .hasMessageContaining(products + ":5").hasMessageContaining("column price")
                .hasMessageContaining("(value \"5O\")").hasMessageContaining("1 rows accepted before it");
    }

    @Test
    void anUnclosedQuoteIsOneRejectedRowAndTheRowsBeforeItStay(@TempDir Path dir) throws Exception {
        folder(dir, PRODUCTS_HEADER + HOODIE + "MH02,Teton,simple,,12,,{},\"never closed\nMH03,Lost,simple,,1,,{},x\n",
                null, null);
        LumaCatalog luma = LumaCatalog.read(dir, ValidationMode.LENIENT);
        assertThat(luma.products()).extracting(LumaCatalog.Product::style).containsExactly("MH01");
        assertThat(luma.issues()).singleElement().asString().contains("products.csv:5: row 5:")
                .contains("a quoted field opened on this line is never closed");
        assertThat(luma.photos()).isEmpty();
        assertThat(luma.reports()).hasSize(1);
    }

    @Test
    void aMissingColumnNamesTheFileAndTheColumn(@TempDir Path dir) throws Exception {
        folder(dir, "style,name\nMH01,Hoodie\n", null, null);
        assertThatThrownBy(() -> LumaCatalog.read(dir, ValidationMode.LENIENT)).isInstanceOf(RetailGenException.class)
                .hasMessageContaining("products.csv:1: no column 'price'");
    }

    @Test
    void readsTheSharedLumaCatalogWithoutAnIssue() {
        Path dir = SharedData.require("catalog/luma/products.csv").getParent();
        LumaCatalog luma = LumaCatalog.read(dir, ValidationMode.STRICT);
        assertThat(luma.products()).hasSize(154);
        assertThat(luma.photos()).hasSize(552);
        assertThat(luma.reviews()).hasSize(500);
        assertThat(luma.product("MH01").colours()).containsExactly("Black", "Gray", "Orange");
        assertThat(luma.product("MH01").mainCategory()).isEqualTo("Men/Tops/Hoodies & Sweatshirts");
        assertThat(luma.products().stream().filter(p -> !luma.photosOf(p.style()).isEmpty())).hasSize(118);
    }
}
