package dev.hermes.orchestrator.inbound.ses;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/** S3Proxy over jclouds' in-memory ("transient") blob store, in this process on 127.0.0.1. */
final class EmbeddedS3 implements AutoCloseable {
    static final String IDENTITY = "hermeslocal";
    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    static EmbeddedS3 start() throws Exception {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(IDENTITY, IDENTITY)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, IDENTITY)
                // SDK 2.40 asks for response checksums (x-amz-checksum-*), which S3Proxy 2.4 does not implement.
                .ignoreUnknownHeaders(true).build();
        proxy.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
        return new EmbeddedS3(proxy, context);
    }

    String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    void put(String bucket, String key, byte[] content) {
        BlobStore store = context.getBlobStore();
        store.createContainerInLocation(null, bucket);
        store.putBlob(bucket, store.blobBuilder(key).payload(content).contentLength(content.length).build());
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
