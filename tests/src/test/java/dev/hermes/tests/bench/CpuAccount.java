package dev.hermes.tests.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this JVM's threads during a phase, by the part of the system they belong to
 * (orchestrator, DynamoDB Local, ElasticMQ, benchmark clients, GC, JIT), from {@link ThreadMXBean}
 * and, for the JVM's native threads, {@code /proc/self/task}:
 * on two shared cores the routed rate is bounded by what each part burns per message.
 */
final class CpuAccount {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> startByThread = new TreeMap<>();
    private final Map<String, Long> jvmStart;
    private final long processStart;
    private final long classesStart;
    private final long wallStart;

    private CpuAccount() {
        this.jvmStart = jvmThreads();
        this.processStart = OS.getProcessCpuTime();
        this.classesStart = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        this.wallStart = System.nanoTime();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null) {
                startByThread.put(t.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(t.getThreadId())));
            }
        }
    }

    static CpuAccount start() {
        return new CpuAccount();
    }

    /** The phase's CPU ms per message, set by {@link #finish}. */
    double millisPerMessage;

    /**
     * Ends the phase: answers a line with the CPU ms per message by part and the process's share of
     * the machine (with {@code -Dbench.threads=true} the busiest threads are printed at once).
     */
    String finish(String phase, int messages) {
        long wall = System.nanoTime() - wallStart;
        long process = OS.getProcessCpuTime() - processStart;
        Map<String, Long> byPart = new LinkedHashMap<>();
        for (String part : new String[]{"orchestrator", "dynamodb-local", "elasticmq", "clients", "gc", "jit", "jvm", "other"}) {
            byPart.put(part, 0L);
        }
        long threads = 0;
        Map<String, Long> byName = new TreeMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(t.getThreadId());
            if (now < 0) {
                continue;
            }
            long used = now - startByThread.getOrDefault(t.getThreadId(), 0L);
            threads += used;
            byPart.merge(part(t.getThreadName()), used, Long::sum);
            byName.merge(t.getThreadName().replaceAll("[0-9]+", "#"), used, Long::sum);
        }
        // The JVM's own threads (collector, compilers) are not Java threads: read from /proc where there is one.
        long jvm = 0;
        for (Map.Entry<String, Long> e : jvmThreads().entrySet()) {
            long used = e.getValue() - jvmStart.getOrDefault(e.getKey(), 0L);
            jvm += used;
            byPart.merge(e.getKey().startsWith("jit") ? "jit" : e.getKey().startsWith("gc") ? "gc" : "jvm", used, Long::sum);
        }
        // Threads that ended during the phase are in the process total only.
        byPart.merge("other", Math.max(0, process - threads - jvm), Long::sum);
        StringBuilder line = new StringBuilder();
        byPart.forEach((part, nanos) -> line.append(String.format(" %s %.2f,", part, nanos / 1e6 / messages)));
        millisPerMessage = process / 1e6 / messages;
        String summary = String.format("  CPU ms per message, %-6s: %5.2f (%.0f%% of the cores):%s", phase,
                millisPerMessage, 100.0 * process / wall / Runtime.getRuntime().availableProcessors(),
                line.substring(0, line.length() - 1));
        if (Boolean.getBoolean("bench.threads")) {
            System.out.printf("      classes loaded during the phase: %d%n",
                    ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesStart);
            byName.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                    .forEach(e -> System.out.printf("      %-50s %-15s %.3f%n", e.getKey(), part(e.getKey()),
                            e.getValue() / 1e6 / messages));
        }
        return summary;
    }

    /** CPU nanoseconds of the JVM's native threads by kind ("gc …", "jit …", "jvm …"), from /proc/self/task. */
    private static Map<String, Long> jvmThreads() {
        Map<String, Long> cpu = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) {
            return cpu;
        }
        long tick = 10_000_000L; // USER_HZ is 100 on Linux
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "gc"
                        : comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? "jit"
                        : comm.equals("VM Thread") || comm.equals("VM Periodic Tas") ? "jvm" : null;
                if (kind != null) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    cpu.merge(kind + " " + task.getName(), ticks * tick, Long::sum);
                }
            } catch (java.io.IOException | RuntimeException e) {
                // a thread that ended meanwhile
            }
        }
        return cpu;
    }

    static String part(String thread) {
        String t = thread.toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("qtp") || t.contains("sqlite") || t.contains("dynamodb")) {
            return "dynamodb-local";
        }
        if (t.contains("elasticmq") || t.contains("pekko") || t.contains("akka")) {
            return "elasticmq";
        }
        if (t.startsWith("bench-") || t.startsWith("httpclient")) {
            return "clients";
        }
        if (t.startsWith("hermes") || t.startsWith("default-nioeventloop") || t.startsWith("io-executor")
                || t.startsWith("blocking-executor") || t.startsWith("event-loop") || t.startsWith("scheduled-executor")
                || t.startsWith("sdk-") || t.startsWith("default-eventloopgroup") || t.startsWith("aws-java-sdk")
                || t.startsWith("idle-connection") || t.contains("micronaut")) {
            return "orchestrator";
        }
        return "other";
    }
}
