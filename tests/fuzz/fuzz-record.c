/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-record.c: libFuzzer harness for the health record loader (build-aux/fuzz) */

#include "nh-fuzz-targets.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, gsize size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nh_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        gsize         size)
{
  nh_fuzz_record (data, size);
  return 0;
}
