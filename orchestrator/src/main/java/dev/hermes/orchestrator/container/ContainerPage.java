package dev.hermes.orchestrator.container;

import java.util.List;

/** One page of container rows and the cursor of the next, null on the last page. */
public record ContainerPage(List<ContainerRecord> containers, String nextCursor) {
    public ContainerPage {
        containers = List.copyOf(containers);
    }
}
