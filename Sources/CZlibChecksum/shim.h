// The one function of zlib (Debian: zlib1g-dev) that Platform uses, declared here rather than
// through <zlib.h>, whose types would clash with the module ZIPFoundation makes of the same
// library. Its signature is zlib's stable API.
unsigned long crc32(unsigned long crc, const unsigned char *buf, unsigned int len);
