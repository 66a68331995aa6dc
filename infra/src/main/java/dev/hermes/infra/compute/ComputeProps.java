package dev.hermes.infra.compute;

import dev.hermes.infra.config.ContextValues;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Settings of {@link ComputeStack}.
 *
 * @param vpc                 a new VPC or an existing one by ids
 * @param orchestratorImage   the orchestrator's image
 * @param workerImage         the worker's image
 * @param orchestrator        orchestrator task size
 * @param orchestratorCount   orchestrator tasks behind the ALB
 * @param worker              worker task size
 * @param workerStorageGiB    worker ephemeral storage (workspaces and clones), 21..200
 * @param loadBalancer        how the ALB is exposed
 * @param emailDomain         Hermes's mail domain ({@code hermes.email.domain}); replies are sent from it
 * @param publicUrl           the external base URL of the ALB ({@code https://hermes.example.com}) or
 *                            {@code null}; Twilio signs the webhook URL, so SMS needs it
 * @param secretPrefix        Secrets Manager name prefix of the secrets the operator creates
 * @param channels            intake endpoints to enable besides email
 * @param logRetentionDays    CloudWatch Logs retention of both task families
 */
public record ComputeProps(VpcSource vpc, ImageSource orchestratorImage, ImageSource workerImage, TaskSize orchestrator,
                           int orchestratorCount, TaskSize worker, int workerStorageGiB, LoadBalancerProps loadBalancer,
                           String emailDomain, String publicUrl, String secretPrefix, Set<OptionalChannel> channels,
                           int logRetentionDays) {
    public static final String PREFIX = "hermes.infra.";
    public static final String EMAIL_DOMAIN = "hermes.email.domain";
    public static final String EXAMPLE_DOMAIN = "hermes.example.com";

    public ComputeProps {
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(orchestratorImage, "orchestratorImage");
        Objects.requireNonNull(workerImage, "workerImage");
        Objects.requireNonNull(orchestrator, "orchestrator");
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(loadBalancer, "loadBalancer");
        Objects.requireNonNull(emailDomain, "emailDomain");
        Objects.requireNonNull(secretPrefix, "secretPrefix");
        channels = channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        if (orchestratorCount < 1) {
            throw new IllegalArgumentException("orchestratorCount must be at least 1, was " + orchestratorCount);
        }
        if (workerStorageGiB < 21 || workerStorageGiB > 200) {
            throw new IllegalArgumentException("workerStorageGiB must be 21..200, was " + workerStorageGiB);
        }
        if (!secretPrefix.matches("[A-Za-z0-9/_+=.@-]{1,64}")) {
            throw new IllegalArgumentException("secretPrefix has characters Secrets Manager names do not allow");
        }
        if (publicUrl != null && !publicUrl.matches("https?://[^\\s/]+")) {
            throw new IllegalArgumentException("publicUrl must be scheme://host without a path, was " + publicUrl);
        }
        if (channels.contains(OptionalChannel.SMS) && publicUrl == null) {
            throw new IllegalArgumentException("SMS needs publicUrl: Twilio signs the exact webhook URL");
        }
    }

    public static ComputeProps defaults() {
        return new ComputeProps(new VpcSource.NewVpc(2, 1),
                new ImageSource.Ecr("hermes-orchestrator", "latest"), new ImageSource.Ecr("hermes-worker", "latest"),
                new TaskSize(512, 1024), 1, new TaskSize(1024, 2048), 30,
                new LoadBalancerProps(null, true, List.of("0.0.0.0/0")),
                EXAMPLE_DOMAIN, null, "hermes/", Set.of(), 30);
    }

    public static ComputeProps fromContext(Function<String, Object> context) {
        ComputeProps d = defaults();
        ContextValues v = new ContextValues(context);
        String tag = v.string(PREFIX + "image-tag", "latest");
        Set<OptionalChannel> channels = v.enumSet(PREFIX + "channels", OptionalChannel.class);
        return new ComputeProps(vpc(v),
                image(v, "orchestrator", tag), image(v, "worker", tag),
                new TaskSize(v.integer(PREFIX + "orchestrator-cpu", 512), v.integer(PREFIX + "orchestrator-memory", 1024)),
                v.integer(PREFIX + "orchestrator-count", d.orchestratorCount()),
                new TaskSize(v.integer(PREFIX + "worker-cpu", 1024), v.integer(PREFIX + "worker-memory", 2048)),
                v.integer(PREFIX + "worker-storage-gib", d.workerStorageGiB()),
                new LoadBalancerProps(v.optional(PREFIX + "certificate-arn"), v.bool(PREFIX + "internet-facing", true),
                        v.list(PREFIX + "ingress-cidrs").isEmpty() ? List.of("0.0.0.0/0") : v.list(PREFIX + "ingress-cidrs")),
                v.string(EMAIL_DOMAIN, d.emailDomain()),
                v.optional(PREFIX + "public-url"),
                v.string(PREFIX + "secret-prefix", d.secretPrefix()),
                channels,
                v.integer(PREFIX + "log-retention-days", d.logRetentionDays()));
    }

    private static VpcSource vpc(ContextValues v) {
        String vpcId = v.optional(PREFIX + "vpc-id");
        if (vpcId == null) {
            return new VpcSource.NewVpc(v.integer(PREFIX + "max-azs", 2), v.integer(PREFIX + "nat-gateways", 1));
        }
        return new VpcSource.Existing(vpcId, v.list(PREFIX + "availability-zones"),
                v.list(PREFIX + "public-subnet-ids"), v.list(PREFIX + "private-subnet-ids"));
    }

    private static ImageSource image(ContextValues v, String role, String tag) {
        String uri = v.optional(PREFIX + role + "-image");
        if (uri != null) {
            return new ImageSource.Uri(uri);
        }
        return new ImageSource.Ecr(v.string(PREFIX + role + "-repository", "hermes-" + role), tag);
    }

    public ComputeProps withVpc(VpcSource source) {
        return new ComputeProps(source, orchestratorImage, workerImage, orchestrator, orchestratorCount, worker,
                workerStorageGiB, loadBalancer, emailDomain, publicUrl, secretPrefix, channels, logRetentionDays);
    }

    public ComputeProps withLoadBalancer(LoadBalancerProps lb) {
        return new ComputeProps(vpc, orchestratorImage, workerImage, orchestrator, orchestratorCount, worker,
                workerStorageGiB, lb, emailDomain, publicUrl, secretPrefix, channels, logRetentionDays);
    }

    public ComputeProps withChannels(Set<OptionalChannel> enabled, String url) {
        return new ComputeProps(vpc, orchestratorImage, workerImage, orchestrator, orchestratorCount, worker,
                workerStorageGiB, loadBalancer, emailDomain, url, secretPrefix, enabled, logRetentionDays);
    }

    public ComputeProps withImages(ImageSource orchestratorSource, ImageSource workerSource) {
        return new ComputeProps(vpc, orchestratorSource, workerSource, orchestrator, orchestratorCount, worker,
                workerStorageGiB, loadBalancer, emailDomain, publicUrl, secretPrefix, channels, logRetentionDays);
    }
}
