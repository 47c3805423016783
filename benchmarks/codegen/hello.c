/* hello: start-to-exit time and peak memory of the smallest program, for reference. */
#include <stdio.h>

int main(void) {
    puts("hello, world");
    return 0;
}
