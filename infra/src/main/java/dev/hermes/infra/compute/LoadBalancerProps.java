package dev.hermes.infra.compute;

import java.util.List;

/**
 * How the orchestrator's ALB is exposed.
 *
 * @param certificateArn ACM certificate for HTTPS on 443 (HTTP 80 then redirects); {@code null}: HTTP on 80
 *                       only, which the app warns about (webhook secrets would travel in clear text)
 * @param internetFacing public (the providers' webhooks must reach it) or internal
 * @param ingressCidrs   who may connect to the listeners
 */
public record LoadBalancerProps(String certificateArn, boolean internetFacing, List<String> ingressCidrs) {
    public LoadBalancerProps {
        ingressCidrs = List.copyOf(ingressCidrs);
        if (ingressCidrs.isEmpty()) {
            throw new IllegalArgumentException("ingressCidrs must not be empty");
        }
        if (certificateArn != null && !certificateArn.startsWith("arn:")) {
            throw new IllegalArgumentException("certificateArn must be an ARN, was " + certificateArn);
        }
    }

    public boolean https() {
        return certificateArn != null;
    }
}
