package dev.hermes.infra.compute;

/** Fargate CPU units and memory of one task, and how many run (services) or how much disk (workers). */
public record TaskSize(int cpu, int memoryMiB) {
    public TaskSize {
        if (cpu < 256 || Integer.bitCount(cpu) != 1 || cpu > 16384) {
            throw new IllegalArgumentException("Fargate cpu must be 256, 512, 1024 … 16384, was " + cpu);
        }
        if (memoryMiB < 512) {
            throw new IllegalArgumentException("memoryMiB must be at least 512, was " + memoryMiB);
        }
    }
}
