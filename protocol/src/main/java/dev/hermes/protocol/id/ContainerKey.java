package dev.hermes.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * One worker container serves one user in one project: {@code {projectId}#{userId}}.
 * {@link #containerId()} is the form used inside resource names; nothing parses it back.
 */
public record ContainerKey(ProjectId project, UserId user) {
    private static final char SEPARATOR = '#';

    public ContainerKey {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(user, "user");
    }

    @JsonCreator
    public static ContainerKey parse(String value) {
        if (value == null) {
            throw new InvalidIdException("containerKey is missing");
        }
        int at = value.indexOf(SEPARATOR);
        if (at < 0 || at != value.lastIndexOf(SEPARATOR)) {
            throw new InvalidIdException("containerKey must be {projectId}#{userId}");
        }
        return new ContainerKey(new ProjectId(value.substring(0, at)), new UserId(value.substring(at + 1)));
    }

    @JsonValue
    public String value() {
        return project.value() + SEPARATOR + user.value();
    }

    /** {@code {projectId}--{userId}}: safe in SQS names, file names and ECS tags. */
    public String containerId() {
        return project.value() + "--" + user.value();
    }

    /** A short stable hash of the key, for names that must be shortened. */
    public String hash(int chars) {
        return Ids.hex(Ids.sha256(value()), chars);
    }

    @Override
    public String toString() {
        return value();
    }
}
