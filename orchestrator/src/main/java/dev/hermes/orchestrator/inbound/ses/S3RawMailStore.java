package dev.hermes.orchestrator.inbound.ses;

import dev.hermes.orchestrator.inbound.RejectedException;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.io.IOException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads the object with micronaut-aws's {@link S3Client} (created on first use, so a deployment
 * without S3 receipts never builds one). Disabled by {@code hermes.inbound.ses.s3-enabled: false}.
 */
@Singleton
public class S3RawMailStore implements RawMailStore {
    private final BeanProvider<S3Client> s3;
    private final SesConfig config;

    public S3RawMailStore(BeanProvider<S3Client> s3, SesConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public byte[] fetch(String bucket, String key) {
        if (!config.s3Enabled()) {
            throw RejectedException.unprocessable("s3_disabled", "S3 receipts are disabled (hermes.inbound.ses.s3-enabled)");
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.get().getObject(b -> b.bucket(bucket).key(key))) {
            Long length = in.response().contentLength();
            if (length != null && length > config.maxMailBytes()) {
                throw tooLarge();
            }
            byte[] raw = in.readNBytes(config.maxMailBytes() + 1);
            if (raw.length > config.maxMailBytes()) {
                throw tooLarge();
            }
            return raw;
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            throw RejectedException.unprocessable("mail_not_found", "the stored message s3://" + bucket + "/" + key
                    + " does not exist");
        } catch (SdkException | IOException e) {
            throw new UpstreamUnavailableException("s3://" + bucket + "/" + key, e.toString(), e);
        }
    }

    private RejectedException tooLarge() {
        return new RejectedException(413, "mail_too_large", "the stored message exceeds " + config.maxMailBytes() + " bytes");
    }
}
