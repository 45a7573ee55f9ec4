// The system libdeflate, for compressing stream snapshots (Sources/Store/Snapshots/Deflate.swift).
#include <libdeflate.h>
