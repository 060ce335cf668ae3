/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-json-guard.h: a strict first pass over untrusted JSON, before json-glib */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean nh_json_guard_check (const char  *data,
                              gsize        length,
                              guint        max_depth,
                              gsize       *error_offset,
                              GError     **error);

G_END_DECLS
