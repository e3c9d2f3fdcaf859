// scripts/bench-runtime's way into a CPU-share cgroup: writes its own pid into the file
// BENCH_CGROUP_PROCS names (a cgroup's cgroup.procs), then execs BENCH_EXEC with the same
// arguments and an environment without those two variables. The emulator starts it in
// place of a program, so the program runs its whole life, from exec, at the cgroup's CPU
// quota. Its own cost (one open, one write, one exec) is in every CPU-share row alike.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    (void)argc;
    const char *procs = getenv("BENCH_CGROUP_PROCS");
    const char *target = getenv("BENCH_EXEC");
    if (!procs || !target) {
        fprintf(stderr, "cgroup-exec: set BENCH_CGROUP_PROCS and BENCH_EXEC\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s", target);
    FILE *file = fopen(procs, "w");
    if (!file || fprintf(file, "%d\n", (int)getpid()) < 0 || fclose(file) != 0) {
        perror("cgroup-exec: cannot join the cgroup");
        return 1;
    }
    unsetenv("BENCH_CGROUP_PROCS");
    unsetenv("BENCH_EXEC");
    argv[0] = path;
    execv(path, argv);
    perror("cgroup-exec: exec");
    return 127;
}
