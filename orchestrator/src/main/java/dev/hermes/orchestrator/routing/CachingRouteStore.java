package dev.hermes.orchestrator.routing;

import dev.hermes.protocol.id.ProjectId;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Routes and projects change rarely and are read on every message: lookups are kept for
 * {@code hermes.routes.cache-seconds} (default 5). Writes through this instance take effect at
 * once; other orchestrator instances see them within the TTL.
 */
@Primary
@Singleton
public class CachingRouteStore implements RouteStore {
    private static final int MAX_ENTRIES = 10_000;
    private final DynamoDbRouteStore store;
    private final long ttlNanos;
    private final Map<String, Entry<Person>> people = new ConcurrentHashMap<>();
    private final Map<ProjectId, Entry<Project>> projects = new ConcurrentHashMap<>();

    public CachingRouteStore(DynamoDbRouteStore store, @Value("${hermes.routes.cache-seconds:5}") int cacheSeconds) {
        this.store = store;
        this.ttlNanos = cacheSeconds * 1_000_000_000L;
    }

    private record Entry<T>(Optional<T> value, long loadedAt) {
    }

    @Override
    public Optional<Person> findPerson(String routeKey) {
        return cached(people, routeKey, store::findPerson);
    }

    @Override
    public Optional<Project> findProject(ProjectId id) {
        return cached(projects, id, store::findProject);
    }

    @Override
    public void putRoute(String routeKey, Person person) {
        store.putRoute(routeKey, person);
        people.remove(routeKey);
    }

    @Override
    public void putProject(Project project) {
        store.putProject(project);
        projects.remove(project.id());
    }

    @Override
    public RoutePage listRoutes(String cursor, int limit) {
        return store.listRoutes(cursor, limit);
    }

    @Override
    public boolean deleteRoute(String routeKey) {
        boolean existed = store.deleteRoute(routeKey);
        people.remove(routeKey);
        return existed;
    }

    /** A project changed through this instance (API write, deletion, restore): read it again. */
    @EventListener
    void onProjectChanged(ProjectChanged event) {
        projects.remove(event.projectId());
    }

    private <K, T> Optional<T> cached(Map<K, Entry<T>> cache, K key, Function<K, Optional<T>> load) {
        long now = System.nanoTime();
        Entry<T> entry = cache.get(key);
        if (entry != null && now - entry.loadedAt() < ttlNanos) {
            return entry.value();
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        Optional<T> value = load.apply(key);
        cache.put(key, new Entry<>(value, now));
        return value;
    }
}
