// The Swift Glibc overlay references hypotf and hypot at GLIBC_2.35, newer than
// Amazon Linux 2023's glibc 2.34. Defining both here, forwarding to the
// GLIBC_2.2.5 versions, lets the linker resolve them inside the executable so
// no 2.35 version requirement is recorded.
#include "CGlibcCompat.h"

__asm__(".symver cglibc_hypotf_old, hypotf@GLIBC_2.2.5");
__asm__(".symver cglibc_hypot_old, hypot@GLIBC_2.2.5");
float cglibc_hypotf_old(float x, float y);
double cglibc_hypot_old(double x, double y);

float hypotf(float x, float y) { return cglibc_hypotf_old(x, y); }
double hypot(double x, double y) { return cglibc_hypot_old(x, y); }

int cglibc_compat_linked(void) { return 1; }
