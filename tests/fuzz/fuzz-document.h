/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* The libFuzzer entry point, shared by the fuzzer (linked with libFuzzer)
 * and the replay test (linked with replay.c). */
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);
