package io.retailgen.imagegen;

import io.retailgen.core.ErrorCode;
import io.retailgen.core.RetailGenException;
import io.retailgen.core.bundle.ModelBundle;
import io.retailgen.core.bundle.Provenance;
import io.retailgen.core.runtime.OnnxModel;
import io.retailgen.core.runtime.Tensor;
import io.retailgen.core.runtime.TensorSpec;
import io.retailgen.core.spi.SessionOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The learned product segmenter: splits a studio product photo into the sold item, the rest of the person and the
 * background. A {@link SegmenterNet} (trained by {@link SegmenterTrainer}) runs through ONNX Runtime on one thread at
 * {@value SegmenterInput#WIDTH}x{@value SegmenterInput#HEIGHT} and scores each cell of an
 * {@value SegmenterNet#OUT_WIDTH}x{@value SegmenterNet#OUT_HEIGHT} grid; at full resolution the studio white connected
 * to the border (as {@link ProductSegmenter} finds it, exact to the pixel) is background, and every other pixel is
 * garment or person as the network scores them, the grid's scores carried to the pixel by colour-guided
 * interpolation (see {@link #refine}).
 *
 * <pre>{@code
 * try (SegmenterModel segmenter = SegmenterModel.bundled()) {   // trained on the Luma sample catalog, in the jar
 *     GarmentMask mask = segmenter.segment(photo, Swatch.hex("#1f1f1f"));
 * }
 * }</pre>
 *
 * <p>Safe for concurrent use; close it to release the ONNX Runtime session.
 */
public final class SegmenterModel implements AutoCloseable {
    /** The bundle kind. */
    public static final String KIND = "imagegen.segmenter";
    /** The name of a model that was trained and not yet saved. */
    public static final String UNSAVED_NAME = "segmenter";
    /** The version of a model that was trained and not yet saved. */
    public static final String UNSAVED_VERSION = "unsaved";
    /** The class-path resource holding the bundled model as a zipped model bundle. */
    static final String RESOURCE = "io/retailgen/imagegen/segmenter-luma.zip";
    /** Colour distance (RGB, 0-255) at which a grid cell's vote near a boundary falls to e^-1/2. */
    static final double COLOUR_SIGMA = 24;
    /** Keeps a pixel unlike all nearby cells on the plain tent weights. */
    private static final float COLOUR_FLOOR = 1e-4f;
    /** Colour weights by squared RGB distance / 16. */
    private static final float[] COLOUR_WEIGHT = colourWeights();

    private final byte[] onnx;
    private final Provenance provenance;
    private final String name;
    private final String version;
    private final OnnxModel session;

    SegmenterModel(byte[] onnx, Provenance provenance, String name, String version) {
        this.onnx = onnx.clone();
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.name = name;
        this.version = version;
        this.session = open(this.onnx, name + "@" + version);
    }

    private static OnnxModel open(byte[] onnx, String label) {
        OnnxModel m;
        try {
            m = OnnxModel.builder().model(onnx).name(label).options(new SessionOptions(1, 1, true)).build();
        } catch (RuntimeException e) {
            throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "segmenter " + label
                    + ": the ONNX graph does not load: " + e.getMessage(), e);
        }
        String problem = contractProblem(m);
        if (problem != null) {
            m.close();
            throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "segmenter " + label + ": " + problem);
        }
        return m;
    }

    private static String contractProblem(OnnxModel m) {
        long[] in = {-1, SegmenterInput.CHANNELS, SegmenterInput.HEIGHT, SegmenterInput.WIDTH};
        if (m.inputs().size() != 1 || !SegmenterNet.IN.equals(m.inputs().get(0).name())
                || !matches(m.inputs().get(0), in)) {
            return "expected one input '" + SegmenterNet.IN + "' of shape " + Arrays.toString(in) + ", the graph has "
                    + m.inputs();
        }
        if (m.outputs().stream().noneMatch(o -> SegmenterNet.OUT.equals(o.name()))) {
            return "expected an output '" + SegmenterNet.OUT + "', the graph has " + m.outputs();
        }
        return null;
    }

    private static boolean matches(TensorSpec spec, long[] dims) {
        long[] s = spec.shape();
        if (s.length != dims.length) {
            return false;
        }
        for (int i = 1; i < dims.length; i++) {
            if (s[i] != dims[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param bundle a bundle of kind {@value #KIND}
     * @return the model, its session open
     * @throws RetailGenException when the bundle is of another kind or its graph does not load or fit
     */
    public static SegmenterModel fromBundle(ModelBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        String kind = bundle.manifest().kind();
        if (!KIND.equals(kind)) {
            throw new RetailGenException(ErrorCode.INVALID_BUNDLE, "bundle " + bundle.manifest().name()
                    + " is of kind '" + kind + "', expected '" + KIND + "'");
        }
        return new SegmenterModel(bundle.modelBytes(), bundle.manifest().provenance(), bundle.manifest().name(),
                bundle.manifest().version());
    }

    /**
     * The segmenter that ships in this library, trained on the Luma sample catalog (see its provenance and the
     * imagegen guide for the data, licence, command and seed).
     *
     * @return a new model on that bundle; the caller closes it
     * @throws RetailGenException when the resource is missing or not a valid segmenter bundle
     */
    public static SegmenterModel bundled() {
        return fromResource(SegmenterModel.class.getClassLoader(), RESOURCE);
    }

    static SegmenterModel fromResource(ClassLoader loader, String resource) {
        byte[] zip;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RetailGenException(ErrorCode.MODEL_LOAD_FAILED, "segmenter resource '" + resource
                        + "' is not on the class path");
            }
            zip = in.readAllBytes();
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot read segmenter resource '" + resource + "': " + e, e);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("retailgen-segmenter", ".zip");
            Files.write(tmp, zip);
            return fromBundle(ModelBundle.load(tmp));
        } catch (IOException e) {
            throw new RetailGenException(ErrorCode.IO, "cannot stage segmenter resource '" + resource + "': " + e, e);
        } catch (RetailGenException e) {
            throw new RetailGenException(e.code(), "segmenter resource '" + resource + "' is not a valid "
                    + KIND + " bundle: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    tmp.toFile().deleteOnExit();
                }
            }
        }
    }

    /**
     * @param bundleName the model name
     * @param bundleVersion the version
     * @return a bundle of kind {@value #KIND} with the graph as {@code model.onnx} and the provenance
     */
    public ModelBundle toBundle(String bundleName, String bundleVersion) {
        return ModelBundle.builder().kind(KIND).name(bundleName).version(bundleVersion).model(onnx)
                .provenance(provenance).build();
    }

    /** @return data fingerprint, settings, seed and training metrics */
    public Provenance provenance() {
        return provenance;
    }

    /** @return the ONNX graph: input {@code planes [N, 5, 160, 128]}, output {@code logits [N, 3, 80, 64]} */
    public byte[] onnx() {
        return onnx.clone();
    }

    /** @return the bundle name, or {@value #UNSAVED_NAME} */
    public String name() {
        return name;
    }

    /** @return the bundle version, or {@value #UNSAVED_VERSION} */
    public String version() {
        return version;
    }

    /**
     * @param photo a studio product photo on a white background
     * @param statedColour the product's colour as the catalogue states it, or {@code null}
     * @return the sold item's mask, same size as the photo
     */
    public GarmentMask segment(BufferedImage photo, Swatch statedColour) {
        return regions(photo, statedColour).garment();
    }

    /**
     * @param photo a studio product photo on a white background
     * @param statedColour the product's colour as the catalogue states it, or {@code null}
     * @return background, person and garment per pixel, same size as the photo
     * @throws IllegalStateException when the model is closed
     */
    public PhotoRegions regions(BufferedImage photo, Swatch statedColour) {
        Objects.requireNonNull(photo, "photo");
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
        int[] cells = SegmenterInput.shrink(rgb, w, h);
        float[] planes = SegmenterInput.planes(cells, statedColour);
        if (session.isClosed()) {
            throw new IllegalStateException("segmenter " + name + "@" + version + " is closed");
        }
        float[] logits = session.run(Map.of(SegmenterNet.IN, Tensor.ofFloats(planes, 1, SegmenterInput.CHANNELS,
                SegmenterInput.HEIGHT, SegmenterInput.WIDTH))).get(SegmenterNet.OUT).toFloatArray();
        return PhotoRegions.wrap(w, h, refine(logits, cells, rgb, ProductSegmenter.studioBackground(rgb, w, h), w,
                h));
    }

    /**
     * Full-resolution regions. Studio white connected to the border is background. Every other pixel is garment
     * where the network's garment logit exceeds its person logit (the background logit only serves training: the
     * studio white is exact to the pixel, the grid is not), that difference interpolated from the output grid:
     * bilinearly where the four cells around the pixel agree, and near a boundary (where they do not) as a joint
     * bilateral upsampling over the 3x3 cells around the nearest one, each weighted by a tent of its distance times {@code exp(-|rgb(pixel) - rgb(cell)|^2 / (2 *}
     * {@value #COLOUR_SIGMA}{@code ^2))}, so that the boundary follows the colour edge in the photo rather than the
     * coarse grid.
     *
     * @param logits the network's output, {@code [3, 80, 64]}
     * @param cells the photo shrunk to the input grid ({@link SegmenterInput#shrink})
     * @param rgb the photo's pixels
     * @param white studio background pixels
     */
    static byte[] refine(float[] logits, int[] cells, int[] rgb, boolean[] white, int w, int h) {
        int cw = SegmenterNet.OUT_WIDTH;
        int ch = SegmenterNet.OUT_HEIGHT;
        int n = SegmenterNet.OUT_CELLS;
        float[] garmentOverPerson = new float[n];
        for (int i = 0; i < n; i++) {
            garmentOverPerson[i] = logits[PhotoRegions.GARMENT * n + i] - logits[PhotoRegions.PERSON * n + i];
        }
        int[] colour = outputGridColours(cells);
        int[] x0 = new int[w];
        float[] fx = new float[w];
        axis(w, cw, x0, fx);
        int[] y0 = new int[h];
        float[] fy = new float[h];
        axis(h, ch, y0, fy);
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int r0 = y0[y] * cw;
            int r1 = Math.min(y0[y] + 1, ch - 1) * cw;
            float wy = fy[y];
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (white[i]) {
                    continue; // BACKGROUND == 0
                }
                int c0 = x0[x];
                int c1 = Math.min(c0 + 1, cw - 1);
                int a = r0 + c0;
                int b = r0 + c1;
                int c = r1 + c0;
                int d = r1 + c1;
                out[i] = agree(garmentOverPerson, a, b, c, d) ? decide(garmentOverPerson[a])
                        : bilateral(garmentOverPerson, colour, rgb[i], c0 + (fx[x] >= 0.5f ? 1 : 0),
                                y0[y] + (fy[y] >= 0.5f ? 1 : 0), c0 + fx[x], y0[y] + wy);
            }
        }
        return out;
    }

    private static boolean agree(float[] m, int a, int b, int c, int d) {
        boolean s = m[a] > 0;
        return m[b] > 0 == s && m[c] > 0 == s && m[d] > 0 == s;
    }

    /** A pixel that is not studio white is never background: the network only tells garment from person there. */
    private static byte decide(float garmentOverPerson) {
        return (byte) (garmentOverPerson > 0 ? PhotoRegions.GARMENT : PhotoRegions.PERSON);
    }

    /** Joint bilateral estimate over the 3x3 cells around cell ({@code cx}, {@code cy}); (px, py) in cell units. */
    private static byte bilateral(float[] garmentOverPerson, int[] colour, int pixel, int cx, int cy, float px,
            float py) {
        int cw = SegmenterNet.OUT_WIDTH;
        int ch = SegmenterNet.OUT_HEIGHT;
        float g = 0;
        for (int yy = Math.max(0, cy - 1); yy <= Math.min(ch - 1, cy + 1); yy++) {
            float ty = Math.max(0, 1.5f - Math.abs(yy - py));
            for (int xx = Math.max(0, cx - 1); xx <= Math.min(cw - 1, cx + 1); xx++) {
                float tx = Math.max(0, 1.5f - Math.abs(xx - px));
                int k = yy * cw + xx;
                float wk = tx * ty * (COLOUR_FLOOR + COLOUR_WEIGHT[colourDistance2(pixel, colour[k]) >> 4]);
                g += wk * garmentOverPerson[k];
            }
        }
        return decide(g);
    }

    private static float[] colourWeights() {
        float[] t = new float[3 * 255 * 255 / 16 + 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) Math.exp(-16.0 * i / (2 * COLOUR_SIGMA * COLOUR_SIGMA));
        }
        return t;
    }

    private static int colourDistance2(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return dr * dr + dg * dg + db * db;
    }

    /** @return the mean colour of each output-grid cell (2x2 input cells) */
    private static int[] outputGridColours(int[] cells) {
        int w = SegmenterNet.OUT_WIDTH;
        int[] out = new int[SegmenterNet.OUT_CELLS];
        for (int i = 0; i < out.length; i++) {
            int x = 2 * (i % w);
            int y = 2 * (i / w);
            int r = 0;
            int g = 0;
            int b = 0;
            for (int d = 0; d < 4; d++) {
                int p = cells[(y + d / 2) * SegmenterInput.WIDTH + x + d % 2];
                r += (p >> 16) & 0xff;
                g += (p >> 8) & 0xff;
                b += p & 0xff;
            }
            out[i] = (r + 2) / 4 << 16 | (g + 2) / 4 << 8 | (b + 2) / 4;
        }
        return out;
    }

    private static void axis(int size, int cells, int[] lower, float[] weight) {
        for (int p = 0; p < size; p++) {
            double c = (p + 0.5) * cells / size - 0.5;
            if (c <= 0) {
                lower[p] = 0;
                weight[p] = 0;
            } else {
                int l = Math.min((int) c, cells - 1);
                lower[p] = l;
                weight[p] = (float) Math.min(1, c - l);
            }
        }
    }

    /** @return true after {@link #close()} */
    public boolean isClosed() {
        return session.isClosed();
    }

    /** Releases the ONNX Runtime session; idempotent. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "SegmenterModel[" + name + "@" + version + ", " + KIND + "]";
    }
}
