package dev.hermes.orchestrator.routing;

import java.util.List;

/** One page of projects and the cursor of the next, null on the last page. */
public record ProjectPage(List<ProjectRecord> projects, String nextCursor) {
    public ProjectPage {
        projects = List.copyOf(projects);
    }
}
