#ifndef CGLIBC_COMPAT_H
#define CGLIBC_COMPAT_H
// Referenced by executables so the object that pins old symbol versions is linked.
int cglibc_compat_linked(void);
#endif
