package dev.hermes.orchestrator.inbound.ses;

/** Port: the raw MIME that an SES S3 action stored. */
public interface RawMailStore {
    /**
     * @throws dev.hermes.orchestrator.inbound.RejectedException when the object does not exist or is too large
     * @throws UpstreamUnavailableException when the store cannot answer now
     */
    byte[] fetch(String bucket, String key);
}
