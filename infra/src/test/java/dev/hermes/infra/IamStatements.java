package dev.hermes.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/** Every IAM policy statement of a template: standalone policies, managed policies and inline role policies. */
public final class IamStatements {
    private IamStatements() {
    }

    /** One statement and where it came from (the logical id of its policy or role). */
    public record Statement(String source, Map<?, ?> body) {
        public List<String> actions() {
            return TemplateText.items(body.get("Action")).stream().map(Object::toString).toList();
        }

        public List<Object> resources() {
            return TemplateText.items(body.get("Resource"));
        }

        public List<String> renderedResources() {
            return resources().stream().map(TemplateText::render).toList();
        }

        public Map<?, ?> conditions() {
            Object condition = body.get("Condition");
            return condition == null ? Map.of() : (Map<?, ?>) condition;
        }

        public boolean hasActionOf(String service) {
            return actions().stream().anyMatch(action -> action.startsWith(service + ":"));
        }
    }

    public static List<Statement> of(Template template) {
        List<Statement> statements = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            template.findResources(type).forEach((id, resource) ->
                    addDocument(statements, id, properties(resource).get("PolicyDocument")));
        }
        template.findResources("AWS::IAM::Role").forEach((id, resource) -> {
            for (Object policy : TemplateText.items(properties(resource).get("Policies"))) {
                addDocument(statements, id, ((Map<?, ?>) policy).get("PolicyDocument"));
            }
        });
        return statements;
    }

    private static Map<?, ?> properties(Map<String, Object> resource) {
        return (Map<?, ?>) resource.get("Properties");
    }

    private static void addDocument(List<Statement> statements, String source, Object document) {
        if (document == null) {
            return;
        }
        for (Object statement : TemplateText.items(((Map<?, ?>) document).get("Statement"))) {
            statements.add(new Statement(source, (Map<?, ?>) statement));
        }
    }
}
