// The two functions of libcrypto (OpenSSL 1.1 and 3) that Platform uses, declared here rather
// than through <openssl/evp.h>: that header brings <stdio.h> into this module, whose FILE then
// clashes with the C library's in Swift. Their signatures are OpenSSL's stable API.
#include <stddef.h>

typedef struct evp_md_st EVP_MD;
typedef struct engine_st ENGINE;

const EVP_MD *EVP_sha256(void);
int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const EVP_MD *type, ENGINE *impl);
