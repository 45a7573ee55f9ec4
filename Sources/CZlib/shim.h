// The system zlib, for compressing stream snapshots (Sources/Store/Snapshots/Deflate.swift).
#include <zlib.h>
