#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
#include <stdint.h>
#include <libpq-fe.h>

/* OpenSSL's library start, which libpq links: declared here (OpenSSL's own prototype and
 * flag values, stable across 3.x) so the Postgres module needs no OpenSSL headers.
 * TLSLibraryStart calls it before libpq's own OPENSSL_init_ssl. */
struct ossl_init_settings_st;
int OPENSSL_init_ssl(uint64_t opts, const struct ossl_init_settings_st *settings);
#define CLIBPQ_OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS 0x00000001ULL
#define CLIBPQ_OPENSSL_INIT_NO_LOAD_CONFIG 0x00000080ULL
#endif
