package io.retailgen.benchmarks.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic, realistic product copy for the content-policy benchmark: titles, descriptions, care notes, offers
 * and shopper-style review snippets, 150-700 characters each, mostly clean, with the occasional e-mail address,
 * phone number, claim, brand name and obfuscated profanity that real generated copy contains.
 */
final class ProductCopy {

    private static final String[] ADJ = {"soft", "lightweight", "breathable", "water-resistant", "slim-fit",
        "relaxed", "organic cotton", "recycled polyester", "merino wool", "stretch denim", "quilted", "ribbed",
        "oversized", "tailored", "cropped", "high-rise", "washed", "brushed", "padded", "insulated"};
    private static final String[] ITEM = {"crew-neck sweater", "trail running shoe", "rain jacket", "chino trousers",
        "linen shirt", "ankle boot", "backpack", "yoga leggings", "denim jacket", "wool scarf", "puffer vest",
        "canvas tote", "hoodie", "midi dress", "swim shorts", "leather belt", "beanie", "cargo pants"};
    private static final String[] COLOUR = {"navy", "olive", "charcoal", "sand", "off-white", "burgundy", "sage",
        "black", "stone", "rust", "sky blue", "heather grey"};
    private static final String[] DETAIL = {"Two side pockets and a hidden zip pocket keep essentials close.",
        "The ribbed cuffs and hem hold their shape wash after wash.",
        "A cushioned midsole absorbs impact on long runs and rocky trails.",
        "Taped seams and an adjustable hood keep the rain out.",
        "Made with 60% recycled fibres and dyed without PFAS.",
        "The fabric has a four-way stretch for easy movement.",
        "Reinforced stitching at stress points adds durability.",
        "Lined with a soft brushed fleece for cold mornings.",
        "Fits true to size; size up for a looser fit.",
        "Packs into its own pocket for travel."};
    private static final String[] CARE = {"Machine wash cold, tumble dry low.", "Hand wash only. Do not bleach.",
        "Wipe clean with a damp cloth.", "Dry flat in shade.", "Cool iron if needed."};
    private static final String[] REVIEW = {"Love it, fits perfectly and the colour is exactly as pictured.",
        "Runs a bit small, I swapped for the next size up.", "Great value, arrived in two days.",
        "The zip broke after a month, disappointed.", "Super comfy, wearing it every day.",
        "Honestly the best jacket I have owned, kept me dry all weekend.",
        "Not bad but the sleeves are long for me.", "Bought one for my partner too!"};
    private static final String[] SPICE = {"Only 3 left in stock - order soon!", "Lowest price ever on this style.",
        "Questions? Mail help@shop-example.com or call +44 20 7946 0958.", "Clinically proven to reduce odour.",
        "Inspired by Nike classics, at a fraction of the price.", "This jacket is sh1t hot this season.",
        "Pairs well with our Adidas collab sneakers.", "100% guaranteed to last a lifetime.",
        "Eco-friendly and sustainable.", "What the f*ck, it is that cheap?"};

    private ProductCopy() {
    }

    static List<String> generate(int count, long seed) {
        return generate(count, seed, true);
    }

    /**
     * @param count how many texts
     * @param seed the random seed
     * @param spice whether to append the deliberately problematic lines (claims, PII, brands, profanity); with
     *     false the texts are the same as with true except that those lines are left out (the random sequence is
     *     consumed identically)
     * @return the texts
     */
    static List<String> generate(int count, long seed, boolean spice) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder b = new StringBuilder();
            b.append(cap(pick(r, ADJ))).append(' ').append(pick(r, ITEM)).append(" in ").append(pick(r, COLOUR))
                    .append(". ");
            int details = 1 + r.nextInt(4);
            for (int d = 0; d < details; d++) {
                b.append(pick(r, DETAIL)).append(' ');
            }
            if (r.nextInt(2) == 0) {
                b.append(pick(r, CARE)).append(' ');
            }
            if (r.nextInt(3) == 0) {
                b.append("Reviewers say: \"").append(pick(r, REVIEW)).append("\" ");
            }
            if (r.nextInt(5) == 0) {
                String line = pick(r, SPICE);
                if (spice) {
                    b.append(line).append(' ');
                }
            }
            b.append("Item ").append(100000 + r.nextInt(900000)).append(", £").append(10 + r.nextInt(190))
                    .append(".99.");
            out.add(b.toString());
        }
        return out;
    }

    private static String pick(SplittableRandom r, String[] a) {
        return a[r.nextInt(a.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
