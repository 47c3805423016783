/* measure: run a command and report its wall time and peak resident memory.
 *
 *   measure RESULT_FILE PROGRAM [ARGS...]
 *
 * Runs PROGRAM (searched on PATH) with its stdin, stdout and stderr inherited, waits for it,
 * and writes one line to RESULT_FILE: "<wall seconds> <peak RSS KiB> <exit code>" (the exit
 * code is 128 + N when signal N ended it). Its own exit code is 0 unless it could not run
 * the program (127) or write RESULT_FILE (126).
 *
 * Why a C helper rather than os.wait4 in run.py: Linux records the peak RSS of the address
 * space an exec replaces into the new program's ru_maxrss, and a child forked (or vforked)
 * from the Python runner starts with the runner's address space, so every program would
 * report at least the runner's own peak (about 10 MB, far above a small C program's). This
 * helper is tiny (run.py links it statically when it can), so what it leaves behind is far
 * below any measured program's own peak. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: measure RESULT_FILE PROGRAM [ARGS...]\n");
        return 2;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return 127;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror("measure: exec");
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) {
        perror("measure: wait4");
        return 127;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) * 1e-9;
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *out = fopen(argv[1], "w");
    if (out == NULL) {
        perror("measure: result file");
        return 126;
    }
    fprintf(out, "%.9f %ld %d\n", seconds, usage.ru_maxrss, code);
    return fclose(out) == 0 ? 0 : 126;
}
