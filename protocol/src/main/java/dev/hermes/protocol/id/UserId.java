package dev.hermes.protocol.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A user: lower-case {@code [a-z0-9-]{1,32}}, safe in queue names, paths and branch names. */
public record UserId(@JsonValue String value) {
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

    @JsonCreator
    public UserId {
        Ids.require("userId", value, PATTERN);
    }

    @Override
    public String toString() {
        return value;
    }
}
