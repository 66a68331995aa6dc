package dev.hermes.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders CloudFormation values to text for assertions: {@code Fn::Join} is joined, a {@code Ref}
 * becomes {@code ${Ref:id}}, a {@code Fn::GetAtt} {@code ${id.attr}}, anything else {@code ${…}};
 * so {@code arn:${Ref:AWS::Partition}:sqs:…:hermes-*} can be compared as a string.
 */
public final class TemplateText {
    private TemplateText() {
    }

    public static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            Object argument = entry.getValue();
            switch (entry.getKey().toString()) {
                case "Fn::Join": {
                    List<?> join = (List<?>) argument;
                    List<String> parts = new ArrayList<>();
                    for (Object part : (List<?>) join.get(1)) {
                        parts.add(render(part));
                    }
                    return String.join(join.get(0).toString(), parts);
                }
                case "Ref":
                    return "${Ref:" + argument + "}";
                case "Fn::GetAtt":
                    return "${" + String.join(".", ((List<?>) argument).stream().map(Object::toString).toList()) + "}";
                case "Fn::ImportValue":
                    return "${Import:" + render(argument) + "}";
                default:
                    return "${" + entry.getKey() + "}";
            }
        }
        return "${" + value + "}";
    }

    /** A value that may be one item or a list of them, as a list. */
    public static List<Object> items(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? new ArrayList<>(list) : List.of(value);
    }
}
