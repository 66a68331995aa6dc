package dev.hermes.infra.compute;

import java.util.Objects;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.constructs.Construct;

/**
 * Where a task's image comes from. Nothing is built at synth time (no Docker): the image must
 * already be pushed.
 */
public sealed interface ImageSource {

    ContainerImage containerImage(Construct scope, String id);

    /** An existing ECR repository of the account and a tag; the execution role is granted pull on it. */
    record Ecr(String repositoryName, String tag) implements ImageSource {
        public Ecr {
            Objects.requireNonNull(repositoryName, "repositoryName");
            Objects.requireNonNull(tag, "tag");
            if (repositoryName.isBlank() || tag.isBlank()) {
                throw new IllegalArgumentException("ECR repository and tag must not be blank");
            }
        }

        @Override
        public ContainerImage containerImage(Construct scope, String id) {
            return ContainerImage.fromEcrRepository(Repository.fromRepositoryName(scope, id, repositoryName), tag);
        }
    }

    /** Any image URI ({@code registry/name:tag} or {@code @sha256:…}), pulled as is: public registries. */
    record Uri(String uri) implements ImageSource {
        public Uri {
            Objects.requireNonNull(uri, "uri");
            if (uri.isBlank() || uri.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("image URI must be non-blank without spaces, was '" + uri + "'");
            }
        }

        @Override
        public ContainerImage containerImage(Construct scope, String id) {
            return ContainerImage.fromRegistry(uri);
        }
    }
}
