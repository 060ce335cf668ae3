/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-test-large.h: documents at a loader's size limit, made on the fly
 *
 * For test-bounded, the fuzz corpora (build-aux/fuzz) and build-aux/bench:
 * every loader must answer a document at its size limit, pretty-printed or
 * on one line, valid or with a problem in every value, in time that grows
 * with its length. The documents are made here, never committed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NH_LARGE_VALID   = 0,
  NH_LARGE_ONE_LINE = 1 << 0,  /* else pretty-printed */
  NH_LARGE_BAD     = 1 << 1,   /* every text value is a number instead */
} NhLargeFlags;

/* @seed: a valid document of that kind (en.json, a saved card, a saved
 * checklist); every result is at most @max_bytes long. */
GBytes *nh_test_large_edition         (GBytes       *seed,
                                       gsize         max_bytes,
                                       NhLargeFlags  flags);
GBytes *nh_test_large_card            (gsize         max_bytes,
                                       NhLargeFlags  flags);
GBytes *nh_test_large_checklist_state (gsize         max_bytes,
                                       NhLargeFlags  flags);

/* Odd shapes, valid JSON, wrong as a document, each @max_bytes at most:
 * "unknown-keys" (an object of many unknown members), "long-key" (a long
 * unknown key over a long array), "flat-array", "nested-arrays". */
GBytes *nh_test_large_shape           (const char   *shape,
                                       gsize         max_bytes);

extern const char * const nh_test_large_shapes[];

G_END_DECLS
