package io.tokligence.gateway.dist.docker;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import io.tokligence.gateway.dist.DistException;
import java.util.ArrayList;
import java.util.List;

/**
 * The image name and its tags, all derived from the one project version: {@code <version>} always, {@code latest}
 * only for releases, so a SNAPSHOT never moves {@code latest}.
 *
 * @param repository the image name without tag, e.g. {@code ghcr.io/tokligence/gateway}
 * @param tags the tags, version first
 */
public record ImageNaming(String repository, List<String> tags) {

    public ImageNaming {
        tags = List.copyOf(tags);
    }

    /**
     * Validates {@code imageName} and derives the tags from {@code version} plus {@code extraTags}.
     *
     * @throws DistException naming the parameter when the name or a tag is not valid
     */
    public static ImageNaming of(String imageName, String version, List<String> extraTags) {
        if (imageName == null || imageName.isBlank()) {
            throw new DistException("imageName is empty: set <imageName> (-Dgateway.docker.imageName) to e.g. "
                    + "ghcr.io/tokligence/gateway");
        }
        ImageReference parsed;
        try {
            parsed = ImageReference.parse(imageName);
        } catch (InvalidImageReferenceException e) {
            throw new DistException("imageName '" + imageName + "' is not a valid image name: use lowercase "
                    + "[registry/]path such as ghcr.io/tokligence/gateway (-Dgateway.docker.imageName)");
        }
        if (parsed.getDigest().isPresent() || imageName.substring(imageName.lastIndexOf('/') + 1).contains(":")) {
            throw new DistException("imageName '" + imageName + "' carries a tag or digest: give the name only "
                    + "(tags come from the project version and <tags>)");
        }
        List<String> tags = new ArrayList<>();
        addTag(tags, version, "version");
        if (!version.endsWith("-SNAPSHOT")) {
            addTag(tags, "latest", "version");
        }
        for (String tag : extraTags) {
            addTag(tags, tag, "tags");
        }
        return new ImageNaming(imageName, tags);
    }

    private static void addTag(List<String> tags, String tag, String parameter) {
        if (!ImageReference.isValidTag(tag)) {
            throw new DistException(parameter + ": '" + tag + "' is not a valid image tag: use up to 128 characters "
                    + "of [A-Za-z0-9_.-], not starting with '.' or '-'");
        }
        if (!tags.contains(tag)) {
            tags.add(tag);
        }
    }

    /** Every full reference, {@code name:tag}, in tag order. */
    public List<String> references() {
        return tags.stream().map(tag -> repository + ":" + tag).toList();
    }
}
