package dev.hermes.worker.secret;

import java.net.URI;
import java.nio.file.Path;

/**
 * How this worker opens its project's secrets: the local key file's path
 * ({@code HERMES_SECRETS_KEY_FILE}, local mode), and the KMS endpoint when it is not the region's
 * ({@code HERMES_KMS_ENDPOINT}). Both may be null.
 */
public record SecretAccess(Path keyFile, URI kmsEndpoint) {
}
