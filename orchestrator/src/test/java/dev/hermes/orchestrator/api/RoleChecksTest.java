package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.auth.NoTokenRequired;
import dev.hermes.orchestrator.auth.Role;
import dev.hermes.orchestrator.local.TestHermes;
import io.micronaut.http.HttpMethod;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every management and ops endpoint, enumerated from Micronaut's router (so an endpoint added later
 * is in the table without anyone writing it down): it declares a role, refuses a token of every lower
 * role with 403 and a request without a token with 401, and a GET lets its own role through. The
 * {@code /ops} endpoints are also checked with a login session of each role (the page's way in, with
 * the form's CSRF token), and the only endpoints open without a token are the login form and the
 * page's static files.
 */
class RoleChecksTest {
    private static List<UriRouteInfo<?, ?>> routes;

    @BeforeAll
    static void enumerate() {
        routes = new ArrayList<>();
        TestHermes.get().context().getBean(Router.class).uriRoutes()
                .filter(r -> isManaged(r.getUriMatchTemplate().toPathString()))
                .forEach(routes::add);
    }

    static boolean isManaged(String template) {
        return template.equals("/api") || template.startsWith("/api/") || template.equals("/ops") || template.startsWith("/ops/");
    }

    @Test
    void theTableIsTheWholeManagementApi() {
        List<String> seen = routes.stream().map(RoleChecksTest::name).toList();
        for (String expected : List.of("GET /api/projects", "POST /api/projects", "DELETE /api/projects/{projectId}",
                "PUT /api/projects/{projectId}/secrets/{name}", "POST /api/tokens", "DELETE /api/tokens/{tokenId}",
                "POST /api/routes", "GET /api/outbox", "GET /api/threads/{threadId}", "POST /api/secrets/re-encrypt",
                "GET /api/metrics",
                "GET /ops", "POST /ops/containers/{containerKey}/redrive", "POST /ops/projects", "POST /ops/projects/{projectId}",
                "POST /ops/projects/{projectId}/secrets", "POST /ops/routes", "POST /ops/routes/delete")) {
            assertTrue(seen.contains(expected), expected + " missing from " + seen);
        }
    }

    @Test
    void everyEndpointDeclaresARole() {
        List<String> undeclared = routes.stream().filter(r -> ApiAuthFilter.requiredRole(r).isEmpty() && !isOpen(r))
                .map(RoleChecksTest::name).toList();
        assertEquals(List.of(), undeclared, "endpoints without @RequiresRole");
    }

    @Test
    void onlyTheLoginFormAndThePagesFilesAreOpenWithoutAToken() {
        Set<String> open = Set.copyOf(routes.stream().filter(RoleChecksTest::isOpen).map(RoleChecksTest::name).toList());
        assertEquals(Set.of("GET /ops/login", "HEAD /ops/login", "POST /ops/login", "GET /ops/static/{name}",
                "HEAD /ops/static/{name}"), open);
        assertTrue(routes.stream().filter(RoleChecksTest::isOpen).allMatch(r -> ApiAuthFilter.requiredRole(r).isEmpty()),
                "an open endpoint declares no role");
    }

    @TestFactory
    Stream<DynamicTest> anOpsSessionOfALowerRoleIsRefused() {
        return routes.stream().filter(r -> !isOpen(r) && r.getUriMatchTemplate().toPathString().startsWith("/ops")).flatMap(route -> {
            Role required = ApiAuthFilter.requiredRole(route).orElse(Role.ADMIN);
            List<DynamicTest> tests = new ArrayList<>();
            for (Role role : Role.values()) {
                boolean allowed = role.includes(required);
                if (!allowed || route.getHttpMethod() == HttpMethod.GET) {
                    tests.add(DynamicTest.dynamicTest(name(route) + " as a " + role.wireName() + " session: "
                            + (allowed ? "let through" : "403"), () -> {
                        String[] session = session(role);
                        HttpRequest.Builder b = TestHermes.request(path(route)).header("Cookie", session[0]);
                        HttpResponse<String> r = TestHermes.send(route.getHttpMethod() == HttpMethod.GET ? b.GET()
                                : b.header("Content-Type", "application/x-www-form-urlencoded")
                                .method(route.getHttpMethod().name(), HttpRequest.BodyPublishers.ofString("csrf=" + session[1])));
                        if (allowed) {
                            assertNotEquals(401, r.statusCode(), r.body());
                            assertNotEquals(403, r.statusCode(), r.body());
                            assertFalse(r.statusCode() >= 500, r.body());
                        } else {
                            assertEquals(403, r.statusCode(), r.body());
                            assertError("forbidden", route, r);
                        }
                    }));
                }
            }
            return tests.stream();
        });
    }

    private static final Map<Role, String[]> SESSIONS = new java.util.EnumMap<>(Role.class);

    /** A login session of a stored token of the role: its cookie and its CSRF token. */
    private static synchronized String[] session(Role role) {
        return SESSIONS.computeIfAbsent(role, r -> {
            HttpResponse<String> login = TestHermes.send(TestHermes.request("/ops/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(TestTokens.of(r), java.nio.charset.StandardCharsets.UTF_8))));
            assertEquals(303, login.statusCode(), login.body());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            String page = TestHermes.send(TestHermes.request("/ops").header("Cookie", cookie).GET()).body();
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]{64})\"").matcher(page);
            assertTrue(csrf.find(), page);
            return new String[]{cookie, csrf.group(1)};
        });
    }

    /** The ops page's forms: a request they would take, so that the role check is what refuses it. */
    private static boolean acceptsOnlyForms(UriRouteInfo<?, ?> route) {
        return !route.getConsumes().isEmpty() && route.getConsumes().stream()
                .allMatch(t -> t.matches(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE));
    }

    private static boolean isOpen(UriRouteInfo<?, ?> route) {
        return route.getAnnotationMetadata().hasAnnotation(NoTokenRequired.class);
    }

    @TestFactory
    Stream<DynamicTest> aLowerRoleIsRefusedAndNoTokenIsUnauthorized() {
        return routes.stream().filter(r -> !isOpen(r)).flatMap(route -> {
            Role required = ApiAuthFilter.requiredRole(route).orElse(Role.ADMIN);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(name(route) + " without a token: 401", () -> {
                HttpResponse<String> r = TestHermes.send(request(route, TestHermes.request(path(route))));
                assertEquals(401, r.statusCode(), r.body());
                assertError("unauthorized", route, r);
            }));
            for (Role lower : Role.values()) {
                if (!lower.includes(required)) {
                    tests.add(DynamicTest.dynamicTest(name(route) + " as " + lower.wireName() + ": 403", () -> {
                        HttpResponse<String> r = TestHermes.send(request(route, TestTokens.as(lower, path(route))));
                        assertEquals(403, r.statusCode(), r.body());
                        assertError("forbidden", route, r);
                    }));
                }
            }
            if (route.getHttpMethod() == HttpMethod.GET) {
                tests.add(DynamicTest.dynamicTest(name(route) + " as " + required.wireName() + ": let through", () -> {
                    HttpResponse<String> r = TestHermes.send(request(route, TestTokens.as(required, path(route))));
                    assertNotEquals(401, r.statusCode(), r.body());
                    assertNotEquals(403, r.statusCode(), r.body());
                    assertFalse(r.statusCode() >= 500, r.body());
                }));
            }
            return tests.stream();
        });
    }

    /** The error shape, except for HEAD, which has no body. */
    private static void assertError(String code, UriRouteInfo<?, ?> route, HttpResponse<String> r) {
        if (route.getHttpMethod() != HttpMethod.HEAD) {
            assertEquals(code, TestTokens.read(r.body()).path("error").asText(), name(route) + ": " + r.body());
        }
    }

    private static HttpRequest.Builder request(UriRouteInfo<?, ?> route, HttpRequest.Builder builder) {
        return switch (route.getHttpMethod()) {
            case GET -> builder.GET();
            case HEAD -> builder.method("HEAD", HttpRequest.BodyPublishers.noBody());
            case DELETE -> builder.DELETE();
            default -> acceptsOnlyForms(route)
                    ? builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(route.getHttpMethod().name(), HttpRequest.BodyPublishers.ofString(""))
                    : builder.header("Content-Type", "application/json")
                    .method(route.getHttpMethod().name(), HttpRequest.BodyPublishers.ofString("{}"));
        };
    }

    /** The route's template with its variables filled in (values no test data uses). */
    private static String path(UriRouteInfo<?, ?> route) {
        Map<String, Object> values = new HashMap<>();
        for (String variable : route.getUriMatchTemplate().getVariableNames()) {
            values.put(variable, "role-check-" + variable.toLowerCase());
        }
        String path = route.getUriMatchTemplate().expand(values);
        return Optional.of(path).filter(p -> !p.isEmpty()).orElse("/");
    }

    private static String name(UriRouteInfo<?, ?> route) {
        return route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
    }
}
