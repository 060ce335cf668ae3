/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-fuzz-targets.h: one input through each loader, for fuzzers and replay */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void nh_fuzz_setup           (void);
void nh_fuzz_edition         (const guint8 *data,
                              gsize         size);
void nh_fuzz_checklist_state (const guint8 *data,
                              gsize         size);
void nh_fuzz_card            (const guint8 *data,
                              gsize         size);
void nh_fuzz_record          (const guint8 *data,
                              gsize         size);
void nh_fuzz_family          (const guint8 *data,
                              gsize         size);

G_END_DECLS
