package dev.hermes.infra.compute;

import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.constructs.Construct;

/**
 * The network Hermes runs in. Both choices synthesize offline: an existing VPC is described by its
 * ids (no {@code Vpc.fromLookup}, which needs AWS credentials at synth time).
 */
public sealed interface VpcSource {

    IVpc vpc(Construct scope, String id);

    /** A new VPC: public subnets for the load balancer, private subnets with NAT egress for the tasks. */
    record NewVpc(int maxAzs, int natGateways) implements VpcSource {
        public NewVpc {
            if (maxAzs < 2) {
                throw new IllegalArgumentException("an ALB needs at least 2 availability zones, was " + maxAzs);
            }
            if (natGateways < 1 || natGateways > maxAzs) {
                throw new IllegalArgumentException("natGateways must be 1.." + maxAzs + ", was " + natGateways);
            }
        }

        @Override
        public IVpc vpc(Construct scope, String id) {
            return Vpc.Builder.create(scope, id)
                    .ipAddresses(IpAddresses.cidr("10.40.0.0/16"))
                    .maxAzs(maxAzs)
                    .natGateways(natGateways)
                    .subnetConfiguration(List.of(
                            SubnetConfiguration.builder().name("public").subnetType(SubnetType.PUBLIC)
                                    .cidrMask(24).build(),
                            SubnetConfiguration.builder().name("tasks").subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                    .cidrMask(20).build()))
                    .build();
        }
    }

    /**
     * An existing VPC by id. Private subnets must reach AWS APIs and the git remote (NAT or VPC
     * endpoints); public subnets hold an internet-facing load balancer.
     */
    record Existing(String vpcId, List<String> availabilityZones, List<String> publicSubnetIds,
                    List<String> privateSubnetIds) implements VpcSource {
        public Existing {
            Objects.requireNonNull(vpcId, "vpcId");
            availabilityZones = List.copyOf(availabilityZones);
            publicSubnetIds = List.copyOf(publicSubnetIds);
            privateSubnetIds = List.copyOf(privateSubnetIds);
            if (availabilityZones.size() < 2) {
                throw new IllegalArgumentException("an existing VPC needs at least 2 availability zones");
            }
            if (privateSubnetIds.size() != availabilityZones.size()
                    || (!publicSubnetIds.isEmpty() && publicSubnetIds.size() != availabilityZones.size())) {
                throw new IllegalArgumentException("give one private (and one public, if any) subnet per availability zone");
            }
        }

        @Override
        public IVpc vpc(Construct scope, String id) {
            VpcAttributes.Builder attributes = VpcAttributes.builder()
                    .vpcId(vpcId)
                    .availabilityZones(availabilityZones)
                    .privateSubnetIds(privateSubnetIds);
            if (!publicSubnetIds.isEmpty()) {
                attributes.publicSubnetIds(publicSubnetIds);
            }
            return Vpc.fromVpcAttributes(scope, id, attributes.build());
        }
    }
}
