#ifndef CGLIBC_COMPAT_H
#define CGLIBC_COMPAT_H
// Referenced once, by Lambda.run (LambdaRuntime), so every function binary links the object
// that pins old symbol versions.
int cglibc_compat_linked(void);
#endif
