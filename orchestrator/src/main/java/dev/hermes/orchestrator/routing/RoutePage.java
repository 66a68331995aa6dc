package dev.hermes.orchestrator.routing;

import java.util.List;

/** One page of sender routes and the cursor of the next, null on the last page. */
public record RoutePage(List<Route> routes, String nextCursor) {
    public RoutePage {
        routes = List.copyOf(routes);
    }
}
