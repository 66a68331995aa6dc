package dev.hermes.orchestrator.commit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Splits writes into transactions DynamoDB accepts: at most {@code maxActions} actions and
 * {@code maxBytes} per transaction, and never two actions on one item (a second message for the
 * same thread or command goes into a later transaction). First fit, in order.
 */
final class TransactionGroups {
    private TransactionGroups() {
    }

    private static final class Group {
        final List<Integer> members = new ArrayList<>();
        final Set<String> items = new HashSet<>();
        int actions;
        long bytes;
    }

    /** Indexes of {@code writes}, grouped; each write's actions stay together. */
    static <O> List<List<Integer>> split(List<List<O>> writes, Function<O, String> item, ToLongFunction<O> size,
                                         int maxActions, long maxBytes) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            List<O> ops = writes.get(i);
            long bytes = ops.stream().mapToLong(size).sum();
            Group target = null;
            for (Group g : groups) {
                if (g.actions + ops.size() <= maxActions && g.bytes + bytes <= maxBytes
                        && ops.stream().map(item).noneMatch(g.items::contains)) {
                    target = g;
                    break;
                }
            }
            if (target == null) {
                target = new Group();
                groups.add(target);
            }
            target.members.add(i);
            target.actions += ops.size();
            target.bytes += bytes;
            ops.stream().map(item).forEach(target.items::add);
        }
        return groups.stream().map(g -> List.copyOf(g.members)).toList();
    }
}
