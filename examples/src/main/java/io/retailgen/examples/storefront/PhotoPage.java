package io.retailgen.examples.storefront;

import io.retailgen.datasets.LumaCatalog;
import io.retailgen.examples.ColourwayVariant;
import io.retailgen.examples.LumaStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code /photo/<style>/<n>.jpg}: the catalog's product photo {@code n} (0-based, in the order of the catalog's
 * photo index) of a product, scaled to {@value #WIDTH} pixels wide and sent as JPEG. Each photo is scaled once and
 * kept in memory (at most the catalog's photos, about 30 KB each). Not in the navigation; no JSON endpoint.
 */
final class PhotoPage implements StorefrontPage {

    /** The width photos are served at. */
    static final int WIDTH = 400;
    private static final Pattern FILE = Pattern.compile("(0|[1-9][0-9]{0,3})\\.jpg");

    private final LumaStore luma;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    PhotoPage(LumaStore luma) {
        this.luma = luma;
    }

    @Override
    public String path() {
        return "photo";
    }

    @Override
    public String title() {
        return "Photo";
    }

    @Override
    public boolean inNavigation() {
        return false;
    }

    /**
     * @param luma the catalog
     * @param photo one of its photos
     * @return the address it is served at
     */
    static String href(LumaStore luma, LumaCatalog.Photo photo) {
        int n = luma.photos(photo.style()).indexOf(photo);
        return "/photo/" + URLEncoder.encode(photo.style(), StandardCharsets.UTF_8) + "/" + n + ".jpg";
    }

    @Override
    public PageResponse page(PageRequest request) {
        request.requireMethod("GET");
        List<String> seg = request.segments();
        if (seg.size() != 2 || !FILE.matcher(seg.get(1)).matches()) {
            throw PageException.notFound("not_found", "a photo address is /photo/<style>/<n>.jpg",
                    String.join("/", seg));
        }
        String style = seg.get(0);
        List<LumaCatalog.Photo> photos = luma.photos(style);
        int n = Integer.parseInt(seg.get(1).substring(0, seg.get(1).length() - 4));
        if (n >= photos.size()) {
            throw PageException.notFound("unknown_photo", "no such photo of this product (it has " + photos.size()
                    + ")", style + "/" + seg.get(1));
        }
        LumaCatalog.Photo photo = photos.get(n);
        byte[] jpeg = cache.computeIfAbsent(style + "/" + n, k -> ColourwayVariant.encode(
                ColourwayVariant.scaled(ColourwayVariant.read(photo.file()), WIDTH), "jpg"));
        return PageResponse.bytes(200, "image/jpeg", jpeg);
    }

    @Override
    public PageResponse api(PageRequest request) {
        throw PageException.notFound("not_found", "photos have no JSON endpoint; use /photo/<style>/<n>.jpg",
                String.join("/", request.segments()));
    }
}
