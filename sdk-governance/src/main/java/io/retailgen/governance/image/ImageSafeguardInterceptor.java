package io.retailgen.governance.image;

import io.retailgen.core.intercept.Finding;
import io.retailgen.core.intercept.GenerationRequest;
import io.retailgen.core.intercept.GenerationResponse;
import io.retailgen.core.intercept.Interceptor;
import io.retailgen.core.intercept.Severity;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Checks the image bytes of generated outputs ({@link GenerationRequest#image()}, any format {@link ImageIO} reads)
 * against an {@link ImageSafeguard} before they are passed on. A near-duplicate of a protected mark
 * ({@code image.protected-mark}) or of a training image ({@code image.memorized}) blocks the output; each match is
 * a finding naming the registered id and distances. Bytes that cannot be decoded are blocked too
 * ({@code image.unreadable}). Requests without image bytes pass through.
 *
 * <pre>{@code
 * InterceptorChain chain = InterceptorChain.of(new AuditInterceptor(log), new ImageSafeguardInterceptor(guard));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class ImageSafeguardInterceptor implements Interceptor {

    private final ImageSafeguard safeguard;

    /**
     * @param safeguard the registry to check against
     */
    public ImageSafeguardInterceptor(ImageSafeguard safeguard) {
        this.safeguard = Objects.requireNonNull(safeguard, "safeguard == null");
    }

    @Override
    public GenerationResponse intercept(Chain chain) {
        GenerationRequest request = chain.request();
        byte[] bytes = request.image();
        if (bytes == null) {
            return chain.proceed(request);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null || image.getWidth() < 2 || image.getHeight() < 2) {
            return GenerationResponse.block(List.of(Finding.whole("image.unreadable", "image", Severity.HIGH,
                    "generated image bytes (" + bytes.length + ") cannot be decoded or are smaller than 2x2")));
        }
        List<ImageMatch> matches = safeguard.matches(image);
        if (matches.isEmpty()) {
            return chain.proceed(request);
        }
        List<Finding> findings = new ArrayList<>();
        for (ImageMatch m : matches) {
            boolean mark = m.kind() == ImageKind.PROTECTED_MARK;
            findings.add(Finding.whole(mark ? "image.protected-mark" : "image.memorized",
                    mark ? "counterfeit" : "memorization", Severity.HIGH,
                    "near-duplicate of " + m.kind() + " '" + m.id() + "' (pHash distance " + m.pHashDistance()
                            + ", dHash distance " + m.dHashDistance() + ")"));
        }
        return GenerationResponse.block(findings);
    }
}
